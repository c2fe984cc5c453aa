// Sổ văn bản đến: the table is virtual (only a window of rows exists in the DOM however long the register),
// a cancelled entry keeps its number and shows "Đã hủy" with the reason (Art. 9.4, 9.5), search folds diacritics.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { foldVietnamese, searchTokens } from '../../../../../src/shared/util/search-text';
import type { DocumentRecord, RegisterEntryRecord } from '../../../../../src/renderer/db/records';
import type * as RegisterSearch from '../../../../../src/renderer/db/queries/register-search';
import { RegisterView } from '../../../../../src/renderer/features/registers/RegisterView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, byRole, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';

vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => undefined,
}));

// A gate on the window's row loads (the real loadRows, its answer held back while `gate.held` is set), so a test
// can make the row query slower than the commit and the search query, the order a busy machine produces.
const gate = vi.hoisted(() => ({ held: null as Promise<void> | null }));
vi.mock('../../../../../src/renderer/db/queries/register-search', async (importOriginal) => {
  const real = await importOriginal<typeof RegisterSearch>();
  return {
    ...real,
    loadRowsAt: async (...args: Parameters<typeof real.loadRowsAt>) => {
      const loaded = await real.loadRowsAt(...args);
      if (gate.held) await gate.held;
      return loaded;
    },
  };
});

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const LEADER: SessionAccount = { id: 'a2', username: 'lanhdao', fullName: 'Trần Văn Lãnh Đạo', role: 'lanh-dao' };
const TOTAL = 3000;

// jsdom has no layout: give the register's scroll box the size of a screen so the virtualizer has a window.
const client = {
  height: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  width: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
};
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('register-scroll') ? 640 : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'clientWidth', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('register-scroll') ? 1200 : 0;
    },
  });
});
afterAll(() => {
  if (client.height) Object.defineProperty(Element.prototype, 'clientHeight', client.height);
  if (client.width) Object.defineProperty(Element.prototype, 'clientWidth', client.width);
});

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

/** Fills the register directly (the data layer's own tests cover registerIncoming). */
async function seed(world: ReturnType<typeof makeWorld>): Promise<void> {
  const documents: DocumentRecord[] = [];
  const entries: RegisterEntryRecord[] = [];
  for (let n = 1; n <= TOTAL; n += 1) {
    const abstract = n === 2 ? 'Phê duyệt Đề án đào tạo cán bộ xã' : `Công văn số ${n} về việc báo cáo`;
    const issuer = n % 2 === 0 ? 'Sở Nội vụ tỉnh Lai Châu' : 'UBND huyện Tam Đường';
    const codeNotation = `${String(n).padStart(2, '0')}/UBND-VP`;
    documents.push({
      id: `d${n}`, direction: 'incoming', typeId: 'cong-van', codeNotation, issuer, documentDate: '2026-11-18', abstract,
      urgency: 'thuong', confidentiality: 'thuong', fileSha256: 'c'.repeat(64), fileSize: 10, createdAt: 0, createdBy: 'vanthu',
    });
    const searchText = foldVietnamese(`${codeNotation} ${issuer} ${abstract}`);
    entries.push({
      registerId: 'incoming-2026', kind: 'incoming', year: 2026, number: n, documentId: `d${n}`,
      arrivedAt: Date.parse('2026-11-24T02:00:00Z'), legalReceiptAt: Date.parse('2026-11-24T02:00:00Z'),
      receiptRule: { kind: 'in-office-hours' }, status: 'active', handling: 'waiting', urgency: 'thuong',
      issuerFolded: foldVietnamese(issuer), searchText, searchTokens: searchTokens(searchText),
    });
  }
  await world.db.registers.put({ id: 'incoming-2026', kind: 'incoming', year: 2026 });
  await world.db.documents.bulkAdd(documents);
  await world.db.registerEntries.bulkAdd(entries);
}

const rows = (v: Rendered) => [...v.container.querySelectorAll<HTMLElement>('[data-testid="register-row"]')];
const REASON = 'Đăng ký nhầm, văn bản gửi sai nơi nhận';
/** Rows on screen that show số 2 (02/UBND-VP) as if it were still active: the stale state this suite rules out. */
const staleSecond = (v: Rendered) => rows(v).filter((r) => r.textContent?.includes('02/UBND-VP') && !r.className.includes('cancelled'));

describe('RegisterView', () => {
  it(`renders only a window of a ${TOTAL}-entry register, in number order`, async () => {
    const world = makeWorld();
    await seed(world);
    view = await render(<RegisterView kind="incoming" account={CLERK} />, world);
    await waitFor(() => expect(rows(view!).length).toBeGreaterThan(5));
    expect(view.container.textContent).toContain('3.000 văn bản');
    expect(rows(view).length).toBeLessThan(80);
    expect(rows(view)[0]?.textContent).toContain('01/UBND-VP');
    expect(view.container.querySelector('[role="table"]')?.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
  }, 120_000);

  it('cancels an entry with a reason: it keeps its number and stays, marked "Đã hủy"; search works without diacritics', async () => {
    const world = makeWorld();
    await seed(world);
    view = await render(<RegisterView kind="incoming" account={CLERK} />, world);
    const second = await waitFor(() => {
      const found = rows(view!).find((r) => r.textContent?.includes('02/UBND-VP'));
      if (!found) throw new Error('row 2 not shown yet');
      return found;
    });
    await click(buttonNamed(second, 'Hủy'));
    const [dialog] = byRole(view.container, 'dialog');
    expect(dialog).toBeDefined();
    await click(buttonNamed(dialog!, 'Xác nhận hủy'));
    expect(dialog!.textContent).toContain('Hãy nhập lý do hủy.');
    await typeInto(byLabel(dialog!, 'Lý do hủy'), REASON);
    await click(buttonNamed(dialog!, 'Xác nhận hủy'));
    await waitFor(() => expect(byRole(view!.container, 'dialog')).toHaveLength(0));
    await typeInto(byLabel(view.container, 'Tìm kiếm'), 'de an dao tao');
    // Wait for the state asserted (one row, cancelled), not for the first render with one row.
    const only = await waitFor(() => {
      const shown = rows(view!);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.textContent).toContain(`Đã hủy: ${REASON}`);
      return shown[0]!;
    });
    expect(only.textContent).toContain('Đề án đào tạo');
    expect(only.className).toContain('cancelled');
    expect(only.querySelector('[role="cell"]:nth-child(2)')?.textContent).toBe('2');
    expect(await world.db.registerEntries.count()).toBe(TOTAL);
    expect(await world.db.journal.count()).toBe(1);
  }, 120_000);

  it('never shows a cancelled entry as active once the cancel has committed, even while its row is still loading', async () => {
    const world = makeWorld();
    await seed(world);
    view = await render(<RegisterView kind="incoming" account={CLERK} />, world);
    const second = await waitFor(() => {
      const found = rows(view!).find((r) => r.textContent?.includes('02/UBND-VP'));
      if (!found) throw new Error('row 2 not shown yet');
      return found;
    });
    await click(buttonNamed(second, 'Hủy'));
    const [dialog] = byRole(view.container, 'dialog');
    await typeInto(byLabel(dialog!, 'Lý do hủy'), REASON);
    // From here on every row load answers only when the test says so.
    let release = (): void => undefined;
    gate.held = new Promise<void>((r) => (release = r));
    try {
      await click(buttonNamed(dialog!, 'Xác nhận hủy'));
      await waitFor(() => expect(byRole(view!.container, 'dialog')).toHaveLength(0));
      // The dialog closes only after the transaction committed: from this render on, số 2 must not look active.
      expect(await world.db.registerEntries.get(2)).toMatchObject({ status: 'cancelled' });
      expect(staleSecond(view)).toHaveLength(0);
      await typeInto(byLabel(view.container, 'Tìm kiếm'), 'de an dao tao');
      await waitFor(() => expect(view!.container.textContent).toContain('1 văn bản'));
      expect(staleSecond(view)).toHaveLength(0);
    } finally {
      gate.held = null;
      release();
    }
    const only = await waitFor(() => {
      const shown = rows(view!);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.textContent).toContain(`Đã hủy: ${REASON}`);
      return shown[0]!;
    });
    expect(only.className).toContain('cancelled');
    expect(buttonNamed(only, 'Xem')).toBeDefined();
    expect([...only.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Hủy');
  }, 120_000);

  it('offers no "Hủy" to a leader, who may still print and export', async () => {
    const world = makeWorld();
    await seed(world);
    view = await render(<RegisterView kind="incoming" account={LEADER} />, world);
    await waitFor(() => expect(rows(view!).length).toBeGreaterThan(5));
    expect(rows(view).some((r) => [...r.querySelectorAll('button')].some((b) => b.textContent === 'Hủy'))).toBe(false);
    expect(buttonNamed(view.container, 'In sổ (PDF)')).toBeDefined();
    expect(buttonNamed(view.container, 'Xuất Excel')).toBeDefined();
  }, 120_000);
});

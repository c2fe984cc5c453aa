// The Art. 11 screen's newer parts against a fake main: step 1 places the number/date boxes with the keyboard and
// the mouse and sends them to signing.prepare in PDF points (or no placement for "Tự động đặt"), and the prepared
// draft is what the leader signs; the leader's signed draft waits in Dexie as "Chờ cấp số" and the clerk continues
// it at step 3 without any file passed around (Art. 11.1b); a type sent on paper too offers the personally signed
// revision for printing and journals the clerk's confirmation (Art. 8.3, 11.1đ).
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rules } from '../../../../../src/shared/api/contract';
import type { PrepareRequest, TokenSummary, VerificationSummary } from '../../../../../src/shared/api/signing-schemas';
import { SigningView } from '../../../../../src/renderer/features/signing/SigningView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';
import { TEST_SETTINGS } from '../../support/fake-api';
import { ERROR_MESSAGES } from '../../../../../src/renderer/i18n/vi';

const VALIDATION_TEXT = ERROR_MESSAGES.VALIDATION;

// pdf.js cannot draw in jsdom: the page "drawn" is A4 at scale 1.5 with pdf.js's transform for it, and no text.
const SCALE = 1.5;
const A4 = [0, 0, 595.28, 841.89] as [number, number, number, number];
vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => ({ transform: [SCALE, 0, 0, -SCALE, 0, A4[3] * SCALE], view: A4, width: A4[2] * SCALE, height: A4[3] * SCALE }),
  pageTextRuns: async () => [],
}));

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const LEADER: SessionAccount = { id: 'a2', username: 'lanhdao', fullName: 'Nguyễn Văn An', role: 'lanh-dao' };
const TOKEN: TokenSummary = { label: 'ca-nhan', manufacturer: 'SoftHSM', model: 'SoftHSM v2', serial: '1', pinState: 'ok' };
const CERT = { tokenLabel: 'ca-nhan', keyId: '01', keyLabel: 'ky', subject: 'CN=Nguyễn Văn An', commonName: 'Nguyễn Văn An', issuer: 'CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', keyUsage: ['digitalSignature'] };
const sha = (n: number) => n.toString(16).padStart(64, '0');
const PERSONAL_REVISION = sha(0xbeef);

const views: Rendered[] = [];
afterEach(async () => {
  for (const v of views.splice(0).reverse()) await v.unmount();
});

function world(paperToo = false, fieldsExist = false) {
  let next = 1;
  const verdicts = new Map<string, VerificationSummary>();
  const stored = (verdict?: VerificationSummary['verdict']) => {
    const s = sha((next += 1));
    if (verdict) {
      const sig = { field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: null, time: null, timeSource: 'claimed' as const, claimedTime: null, revision: 1, revisions: 2, coversWholeFile: false, verdict: 'valid' as const, reasons: [], allowedChanges: [], certification: null, chain: 'trusted' as const, revocation: 'good' as const, revocationUnchecked: false };
      verdicts.set(s, { verdict, reasons: [], signatures: [sig, { ...sig, field: 'CoQuan', revision: 2 }] });
    }
    return { ok: true as const, value: { sha256: s, size: 100, mediaType: 'application/pdf' as const } };
  };
  const rules = { holidays: {} as Rules['holidays'], channels: { electronicOnly: paperToo ? [] : ['quyet-dinh' as const], electronicAndPaper: paperToo ? ['quyet-dinh' as const] : [] }, sources: { holidays: 'default', channels: 'default' } };
  const w = makeWorld({
    'files.put': () => stored(),
    'files.get': (req) => ({ ok: true, value: { sha256: req.sha256, size: 5, mediaType: 'application/pdf', dataBase64: btoa('%PDF-') } }),
    'verify.file': (req) => ({ ok: true, value: verdicts.get(req.file) ?? { verdict: 'unsigned', reasons: [], signatures: [] } }),
    'verify.signedRevision': () => ({ ok: true, value: { sha256: PERSONAL_REVISION, size: 80, mediaType: 'application/pdf' } }),
    'token.list': () => ({ ok: true, value: [TOKEN] }),
    'token.certificates': () => ({ ok: true, value: [CERT] }),
    'rules.get': () => ({ ok: true, value: rules }),
    'signing.prepare': () => (fieldsExist ? { ok: false, error: { code: 'VALIDATION', message: 'Dự thảo đã có trường số và ngày' } } : stored()),
    'signing.personal': () => stored('valid'),
    'signing.fillNumber': () => stored('valid-with-allowed-changes'),
    'signing.organization': () => stored('valid-with-allowed-changes'),
  });
  w.store.getState().setSettings(TEST_SETTINGS);
  return w;
}

async function show(account: SessionAccount, w: ReturnType<typeof world>): Promise<Rendered> {
  const v = await render(<SigningView account={account} />, w);
  views.push(v);
  return v;
}

async function chooseDraft(container: HTMLElement): Promise<void> {
  const input = byLabel(container, 'Chọn tệp PDF');
  const file = new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'du-thao.pdf', { type: 'application/pdf' });
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitFor(() => expect(container.textContent).toContain('Tệp: du-thao.pdf'));
}

async function fillForm(container: HTMLElement): Promise<void> {
  await typeInto(byLabel(container, 'Ký hiệu (phần sau số)'), 'QĐ-UBND');
  await typeInto(byLabel(container, 'Trích yếu'), 'Về việc ban hành quy chế');
  await click(buttonNamed(container, 'Tiếp tục'));
}

async function signPersonal(container: HTMLElement): Promise<void> {
  await waitFor(() => expect(container.querySelectorAll('select option').length).toBeGreaterThan(1));
  await typeInto(byLabel(container, 'Mã PIN'), '135790');
  await click(buttonNamed(container, 'Ký duyệt'));
}

const box = (container: HTMLElement, field: 'number' | 'date') => waitFor(() => {
  const el = container.querySelector<HTMLButtonElement>(`[data-testid="field-box-${field}"]`);
  if (!el) throw new Error(`no ${field} box`);
  return el;
});

async function key(el: HTMLElement, k: string, shiftKey = false): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
  });
}

async function pointer(el: HTMLElement, type: string, clientX: number, clientY: number): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new MouseEvent(type, { clientX, clientY, bubbles: true }));
  });
}

describe('Chuẩn bị: placing the number and date fields', () => {
  it('moves the boxes with the arrow keys and the mouse and sends them in PDF points; the prepared draft is signed', async () => {
    const { container, api } = await show(CLERK, world());
    await chooseDraft(container);
    const number = await box(container, 'number');
    // Drawn where main would auto-place them on a draft without text: (125, 742) pt → 187.5 px, (841.89−742−17)·1.5 px.
    expect(number.style.left).toBe('187.5px');
    expect(Number.parseFloat(number.style.top)).toBeCloseTo((841.89 - 742 - 17) * SCALE, 3);
    number.focus();
    for (let i = 0; i < 3; i += 1) await key(number, 'ArrowRight');
    await key(number, 'ArrowUp', true);
    const date = await box(container, 'date');
    // Drag 30 px right and 15 px up on the canvas: +20 pt in x, +10 pt in y (y grows upwards in PDF space).
    await pointer(date, 'pointerdown', 100, 100);
    await pointer(date, 'pointermove', 130, 85);
    await pointer(date, 'pointerup', 130, 85);
    await click(buttonNamed(container, 'Đặt ô số và ngày'));
    await waitFor(() => expect(container.textContent).toContain('Đã đặt ô số và ô ngày vào dự thảo.'));
    const prepare = api.calls.find((c) => c.channel === 'signing.prepare')?.request as PrepareRequest;
    expect(prepare.placement).toEqual({ number: { page: 0, x: 128, y: 752, width: 40, height: 17 }, date: { page: 0, x: 350, y: 752, width: 240, height: 17 } });
    await fillForm(container);
    await signPersonal(container);
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'signing.personal')).toBe(true));
    const personal = api.calls.find((c) => c.channel === 'signing.personal')?.request as { file: string };
    const prepared = api.calls.filter((c) => c.channel === 'signing.prepare').length;
    expect(prepared).toBe(1);
    // The leader signs the draft WITH the placed fields (sha 3, from signing.prepare), not the upload (sha 2).
    expect(personal.file).toBe(sha(3));
  });

  it('"Tự động đặt" sends no placement', async () => {
    const w = world();
    const { container, api } = await show(CLERK, w);
    await chooseDraft(container);
    await box(container, 'number');
    await click(buttonNamed(container, 'Tự động đặt'));
    await waitFor(() => expect(container.textContent).toContain('Đã đặt ô số và ô ngày'));
    expect(api.calls.find((c) => c.channel === 'signing.prepare')?.request).toEqual({ file: sha(2) });
  });

  it('shows a clear error when the draft already has the fields, and keeps the boxes for another try', async () => {
    const { container } = await show(CLERK, world(false, true));
    await chooseDraft(container);
    await box(container, 'number');
    await click(buttonNamed(container, 'Đặt ô số và ngày'));
    await waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toBe(VALIDATION_TEXT));
    expect(container.textContent).not.toContain('Đã đặt ô số và ô ngày');
    expect(container.querySelector('[data-testid="field-box-date"]')).not.toBeNull();
  });
});

describe('leader → clerk handover (Art. 11.1b)', () => {
  it('saves the leader-signed draft as Chờ cấp số; the clerk lists it and takes the number for it', async () => {
    const w = world();
    const leader = await show(LEADER, w);
    await chooseDraft(leader.container);
    await fillForm(leader.container);
    await signPersonal(leader.container);
    await waitFor(() => expect(leader.container.textContent).toContain('chờ văn thư cấp số'));
    const [draft] = await w.db.outgoingDrafts.toArray();
    expect(draft).toMatchObject({ status: 'waiting-number', signer: 'Nguyễn Văn An', notation: 'QĐ-UBND', createdBy: 'lanhdao' });
    const journal = await w.db.journal.toArray();
    expect(journal.map((j) => j.action)).toEqual(['draft.signed']);
    expect(JSON.parse(journal[0]?.payload ?? '{}')).toMatchObject({ signer: 'Nguyễn Văn An', fileSha256: draft?.fileSha256 });
    // The leader's screen does not offer the clerk's steps.
    expect(leader.container.textContent).not.toContain('Cấp số và ngày');

    const clerk = await show(CLERK, w);
    await waitFor(() => expect(clerk.container.querySelector('[data-testid="waiting-draft"]')?.textContent).toContain('QĐ-UBND: Về việc ban hành quy chế (ký duyệt: Nguyễn Văn An)'));
    await click(buttonNamed(clerk.container, 'Tiếp tục cấp số'));
    await waitFor(() => buttonNamed(clerk.container, 'Cấp số và ngày'));
    await click(buttonNamed(clerk.container, 'Cấp số và ngày'));
    await waitFor(() => expect(w.api.calls.some((c) => c.channel === 'signing.fillNumber')).toBe(true));
    expect((w.api.calls.find((c) => c.channel === 'signing.fillNumber')?.request as { file: string }).file).toBe(draft?.fileSha256);
    const [entry] = await w.db.registerEntries.toArray();
    expect(await w.db.outgoingDrafts.get(draft?.id ?? '')).toMatchObject({ status: 'numbered', entryId: entry?.id });
    expect((await w.db.documents.toArray())[0]).toMatchObject({ codeNotation: '01/QĐ-UBND', signer: 'Nguyễn Văn An' });
    await waitFor(() => expect(clerk.container.querySelector('[data-testid="waiting-draft"]')).toBeNull());
  });
});

describe('Art. 11.1đ print of the personally signed version', () => {
  it('fetches the personal signature revision for printing and journals the confirmation', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:print';
    };
    URL.revokeObjectURL = () => undefined;
    const w = world(true);
    const { container, api, db } = await show(CLERK, w);
    await chooseDraft(container);
    await fillForm(container);
    await signPersonal(container);
    await waitFor(() => buttonNamed(container, 'Cấp số và ngày'));
    await click(buttonNamed(container, 'Cấp số và ngày'));
    await waitFor(() => expect(container.querySelectorAll('select option').length).toBeGreaterThan(1));
    await typeInto(byLabel(container, 'Mã PIN'), '246810');
    await click(buttonNamed(container, 'Ký số cơ quan'));
    await waitFor(() => buttonNamed(container, 'Tiếp tục'));
    await click(buttonNamed(container, 'Tiếp tục'));
    await waitFor(() => buttonNamed(container, 'In bản có chữ ký cá nhân'));
    expect(buttonNamed(container, 'Xác nhận đã in bản giấy').disabled).toBe(true);
    await click(buttonNamed(container, 'In bản có chữ ký cá nhân'));
    await waitFor(() => expect(container.querySelector('a[download]')?.getAttribute('href')).toBe('blob:print'));
    expect(container.querySelector('a[download]')?.getAttribute('download')).toBe('ban-ky-duyet-01-QĐ-UBND.pdf');
    // The approval signature's revision (1), not the seal's (2).
    expect(api.calls.find((c) => c.channel === 'verify.signedRevision')?.request).toMatchObject({ revision: 1 });
    expect(created).toHaveLength(1);
    await click(buttonNamed(container, 'Xác nhận đã in bản giấy'));
    await waitFor(() => expect(container.textContent).toContain('bản giấy đã được in'));
    const last = await db.journal.orderBy('seq').last();
    expect(last?.action).toBe('entry.paperPrinted');
    expect(JSON.parse(last?.payload ?? '{}')).toMatchObject({ fileSha256: PERSONAL_REVISION });
  });
});

// "Ký số và phát hành" against a fake main: the PIN state shows before typing and follows token.changed live;
// the whole Art. 11 flow writes the outgoing register entry with its number (Art. 11.1c) and issues only after
// self-verification; the seal is refused on a day other than the issuing date (Art. 11.2); the PIN is cleared.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenSummary, VerificationSummary } from '../../../../../src/shared/api/signing-schemas';
import { SigningView } from '../../../../../src/renderer/features/signing/SigningView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';
import { TEST_SETTINGS } from '../../support/fake-api';

vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => undefined,
}));

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const TOKEN: TokenSummary = { label: 'ca-nhan', manufacturer: 'SoftHSM', model: 'SoftHSM v2', serial: '1', pinState: 'ok' };
const CERT = { tokenLabel: 'ca-nhan', keyId: '01', keyLabel: 'ky', subject: 'CN=Nguyễn Văn An', commonName: 'Nguyễn Văn An', issuer: 'CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', keyUsage: ['digitalSignature'] };
const sha = (n: number) => n.toString(16).padStart(64, '0');
const PIN = '135790';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

function world(tokens: TokenSummary[], onFill?: () => void) {
  let next = 1;
  const verdicts = new Map<string, VerificationSummary>();
  const signed = (verdict: VerificationSummary['verdict']) => {
    const s = sha((next += 1));
    verdicts.set(s, { verdict, reasons: [], signatures: [{ field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: null, time: null, timeSource: 'claimed', claimedTime: null, revision: 1, revisions: 1, coversWholeFile: true, verdict: 'valid', reasons: [], allowedChanges: [], certification: null, chain: 'trusted', revocation: 'good', revocationUnchecked: false }] });
    return { ok: true as const, value: { sha256: s, size: 100, mediaType: 'application/pdf' as const } };
  };
  const w = makeWorld({
    'files.put': () => ({ ok: true, value: { sha256: sha((next += 1)), size: 40, mediaType: 'application/pdf' } }),
    'files.get': (req) => ({ ok: true, value: { sha256: req.sha256, size: 5, mediaType: 'application/pdf', dataBase64: btoa('%PDF-') } }),
    'verify.file': (req) => ({ ok: true, value: verdicts.get(req.file) ?? { verdict: 'unsigned', reasons: [], signatures: [] } }),
    'token.list': () => ({ ok: true, value: tokens }),
    'token.certificates': () => ({ ok: true, value: [CERT] }),
    'rules.get': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }),
    'signing.personal': (req) => (req.pin === PIN ? signed('valid') : { ok: false, error: { code: 'PIN_INCORRECT', message: 'x', details: { pinState: 'final-try' } } }),
    'signing.fillNumber': () => {
      onFill?.();
      return signed('valid-with-allowed-changes');
    },
    'signing.organization': () => signed('valid-with-allowed-changes'),
  });
  // The app loads the settings at start (connectStore); the unit name becomes the issuer of outgoing documents.
  w.store.getState().setSettings(TEST_SETTINGS);
  return w;
}

async function prepare(container: HTMLElement): Promise<void> {
  const input = byLabel(container, 'Chọn tệp PDF');
  const file = new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'du-thao.pdf', { type: 'application/pdf' });
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitFor(() => expect(container.textContent).toContain('Tệp: du-thao.pdf'));
  await typeInto(byLabel(container, 'Ký hiệu (phần sau số)'), 'QĐ-UBND');
  await typeInto(byLabel(container, 'Trích yếu'), 'Về việc ban hành quy chế');
  await click(buttonNamed(container, 'Tiếp tục'));
}

async function sign(container: HTMLElement, button: string, pin: string): Promise<void> {
  await waitFor(() => expect(container.querySelectorAll('select option').length).toBeGreaterThan(1));
  await typeInto(byLabel(container, 'Mã PIN'), pin);
  await click(buttonNamed(container, button));
}

describe('SigningView', () => {
  it('shows the PIN state before typing and follows token insertion, locking and removal live', async () => {
    view = await render(<SigningView account={CLERK} />, world([{ ...TOKEN, pinState: 'final-try' }]));
    const { container, api } = view;
    await prepare(container);
    await waitFor(() => expect(container.querySelector('[data-testid="pin-state"]')?.textContent).toMatch(/Lần thử cuối cùng/));
    await act(async () => api.emit('token.changed', { tokens: [{ ...TOKEN, pinState: 'locked' }] }));
    await waitFor(() => expect(container.querySelector('[data-testid="pin-state"]')?.textContent).toMatch(/đã bị khóa/));
    expect(byLabel(container, 'Mã PIN').disabled).toBe(true);
    await act(async () => api.emit('token.changed', { tokens: [] }));
    await waitFor(() => expect(container.textContent).toContain('Chưa thấy thiết bị ký số nào'));
  });

  it('runs the flow: wrong PIN with tries left, personal signature, Cấp số in the register, seal, self-check, Phát hành', async () => {
    view = await render(<SigningView account={CLERK} />, world([TOKEN]));
    const { container, api, db } = view;
    await prepare(container);
    await sign(container, 'Ký duyệt', '0000');
    await waitFor(() => expect(container.textContent).toContain('Mã PIN không đúng. Lần thử cuối cùng'));
    expect(byLabel(container, 'Mã PIN').value).toBe('');
    await sign(container, 'Ký duyệt', PIN);
    await waitFor(() => expect(container.textContent).toContain('Đã ký duyệt: Nguyễn Văn An.'));
    await click(buttonNamed(container, 'Cấp số và ngày'));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'signing.fillNumber')).toBe(true));
    expect(api.calls.find((c) => c.channel === 'signing.fillNumber')?.request).toMatchObject({ number: '01', date: '2026-11-24' });
    const entries = await db.registerEntries.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'outgoing', number: 1, registerId: 'outgoing-2026' });
    await sign(container, 'Ký số cơ quan', '246810');
    await waitFor(() => expect(container.textContent).toContain('Không có tệp đính kèm.'));
    await click(buttonNamed(container, 'Tiếp tục'));
    await waitFor(() => expect(buttonNamed(container, 'Phát hành').disabled).toBe(false));
    await click(buttonNamed(container, 'Phát hành'));
    await waitFor(() => expect(container.textContent).toContain('Đã phát hành văn bản số 01/QĐ-UBND.'));
    expect((await db.registerEntries.toArray())[0]?.issuedAt).toBeTypeOf('number');
    expect((await db.documents.toArray())[0]).toMatchObject({ direction: 'outgoing', codeNotation: '01/QĐ-UBND', signer: 'Nguyễn Văn An' });
    // The PIN went to main inside the signing requests only, never into the register or the journal.
    const stored = JSON.stringify([await db.documents.toArray(), await db.journal.toArray()]);
    expect(stored.includes(PIN)).toBe(false);
  });

  it('refuses the organization signature when today is not the issuing date (Art. 11.2)', async () => {
    const w = world([TOKEN], () => {
      w.deps.now = () => new Date('2026-11-25T02:00:00Z');
    });
    view = await render(<SigningView account={CLERK} />, w);
    const { container, api } = view;
    await prepare(container);
    await sign(container, 'Ký duyệt', PIN);
    await waitFor(() => buttonNamed(container, 'Cấp số và ngày'));
    await click(buttonNamed(container, 'Cấp số và ngày'));
    await waitFor(() => expect(container.textContent).toContain('Điều 11.2'));
    expect(buttonNamed(container, 'Ký số cơ quan').disabled).toBe(true);
    expect(api.calls.some((c) => c.channel === 'signing.organization')).toBe(false);
  });
});

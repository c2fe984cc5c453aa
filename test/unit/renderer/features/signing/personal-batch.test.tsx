// "Ký duyệt nhiều văn bản" against a fake main (Art. 11.1b, issue 3 "batch"): several drafts chosen with the file
// input and by drag-and-drop, the registration form's pre-checks (0 bytes, not PDF) refusing files before any
// upload, the PIN state shown before typing, ONE signing.personalBatch call, the progress bar from job.progress, a
// cancel that keeps what main signed (details.signed) as drafts "Chờ cấp số" and leaves the rest unsigned, and a
// wrong PIN that saves nothing.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Req } from '../../../../../src/shared/api/contract';
import type { Result } from '../../../../../src/shared/api/result';
import type { TokenSummary, VerificationSummary } from '../../../../../src/shared/api/signing-schemas';
import { SigningView } from '../../../../../src/renderer/features/signing/SigningView';
import { listWaitingDrafts } from '../../../../../src/renderer/db/outgoing-drafts';
import { ERROR_MESSAGES, PIN_STATE_MESSAGES } from '../../../../../src/renderer/i18n/vi';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { TEST_SETTINGS } from '../../support/fake-api';
import { makeWorld, render, type Rendered } from '../../support/render';
import { connectStore } from '../../../../../src/renderer/stores/app-store';

const LEADER: SessionAccount = { id: 'a2', username: 'lanhdao', fullName: 'Nguyễn Văn An', role: 'lanh-dao' };
const CERT = { tokenLabel: 'ca-nhan', keyId: '01', keyLabel: 'ky', subject: 'CN=Nguyễn Văn An', commonName: 'Nguyễn Văn An', issuer: 'CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', keyUsage: ['digitalSignature'] };
const sha = (n: number) => n.toString(16).padStart(64, '0');
const pdf = (name: string, body = 'x') => new File([new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`)], name, { type: 'application/pdf' });

const views: Rendered[] = [];
const disconnects: (() => void)[] = [];
afterEach(async () => {
  for (const off of disconnects.splice(0)) off();
  for (const v of views.splice(0).reverse()) await v.unmount();
});

type BatchReq = Req<'signing.personalBatch'>;
type BatchAnswer = Result<{ sha256: string; size: number; mediaType: 'application/pdf' }[]>;

/** A fake main; `batch` decides how signing.personalBatch answers (it may wait for a cancel). */
function world(pinState: TokenSummary['pinState'], batch: (req: BatchReq, signed: (file: string) => { sha256: string; size: number; mediaType: 'application/pdf' }) => BatchAnswer | Promise<BatchAnswer>) {
  let next = 0x100;
  const signedOnes = new Set<string>();
  const signature = { field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: null, time: null, timeSource: 'claimed' as const, claimedTime: null, revision: 1, revisions: 1, coversWholeFile: true, verdict: 'valid' as const, reasons: [], allowedChanges: [], certification: null, chain: 'trusted' as const, revocation: 'good' as const, revocationUnchecked: false };
  const signed = (file: string) => {
    const s = `${file.slice(0, 60)}beef`;
    signedOnes.add(s);
    return { sha256: s, size: 200, mediaType: 'application/pdf' as const };
  };
  const w = makeWorld({
    'files.put': () => ({ ok: true, value: { sha256: sha((next += 1)), size: 20, mediaType: 'application/pdf' } }),
    'token.list': () => ({ ok: true, value: [{ label: 'ca-nhan', manufacturer: 'SoftHSM', model: 'SoftHSM v2', serial: '1', pinState }] }),
    'token.certificates': () => ({ ok: true, value: [CERT] }),
    'verify.file': (req) => ({ ok: true, value: (signedOnes.has(req.file) ? { verdict: 'valid', reasons: [], signatures: [signature] } : { verdict: 'unsigned', reasons: [], signatures: [] }) satisfies VerificationSummary }),
    'signing.personalBatch': (req) => batch(req, signed),
    'jobs.cancel': () => ({ ok: true, value: { cancelled: true } }),
  });
  w.store.getState().setSettings(TEST_SETTINGS);
  // job.progress reaches the store as in the app (main.tsx connects it).
  disconnects.push(connectStore(w.store, w.deps));
  return w;
}

async function openBatch(w: ReturnType<typeof world>): Promise<Rendered> {
  const v = await render(<SigningView account={LEADER} />, w);
  views.push(v);
  await click(buttonNamed(v.container, 'Ký duyệt nhiều văn bản'));
  await waitFor(() => expect(v.container.querySelector('[data-testid="personal-batch"]')).not.toBeNull());
  return v;
}

async function choose(container: HTMLElement, files: File[]): Promise<void> {
  const input = byLabel(container, 'Chọn các dự thảo PDF');
  await act(async () => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function drop(container: HTMLElement, files: File[]): Promise<void> {
  const zone = container.querySelector<HTMLElement>('[data-testid="batch-drop-zone"]');
  if (!zone) throw new Error('no drop zone');
  await act(async () => {
    const e = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'dataTransfer', { value: { files } });
    zone.dispatchEvent(e);
  });
}

const items = (c: HTMLElement) => [...c.querySelectorAll('[data-testid="batch-item"]')].map((li) => li.textContent ?? '');

async function threeDrafts(v: Rendered): Promise<void> {
  await choose(v.container, [pdf('to-trinh-01.pdf', 'a'), new File([], 'rong.pdf'), new File(['hello'], 'ghi-chu.pdf'), pdf('quyet_dinh_02.pdf', 'b')]);
  await waitFor(() => expect(items(v.container)).toHaveLength(2));
  // Pre-checks as in the registration form: refused with the reason, never uploaded.
  const refused = v.container.querySelector('[aria-label="Tệp không nhận"]')?.textContent ?? '';
  expect(refused).toContain(`rong.pdf: ${ERROR_MESSAGES.EMPTY_FILE}`);
  expect(refused).toContain(`ghi-chu.pdf: ${ERROR_MESSAGES.NOT_PDF}`);
  await drop(v.container, [pdf('cong-van-03.pdf', 'c')]);
  await waitFor(() => expect(items(v.container)).toHaveLength(3));
  expect(v.api.calls.filter((c) => c.channel === 'files.put')).toHaveLength(3);
  // The trích yếu starts from the file name and can be edited per file.
  expect(byLabel(v.container, 'Trích yếu của quyet_dinh_02.pdf').value).toBe('quyet dinh 02');
  await typeInto(byLabel(v.container, 'Trích yếu của to-trinh-01.pdf'), 'Tờ trình về kế hoạch năm 2027');
  await typeInto(byLabel(v.container, 'Ký hiệu (phần sau số)'), 'QĐ-UBND');
  await waitFor(() => expect(v.container.querySelectorAll('select option').length).toBeGreaterThan(1));
}

describe('Ký duyệt nhiều văn bản', () => {
  it('signs three drafts in one call, shows progress, and a cancel keeps what was signed as "Chờ cấp số"', async () => {
    let release: ((r: BatchAnswer) => void) | null = null;
    let signFirst: (() => BatchAnswer) | null = null;
    const w = world('count-low', (req, signed) => {
      // Main stops between files: the first draft was signed before the cancel and comes back in the details.
      signFirst = () => ({ ok: false, error: { code: 'CANCELLED', message: 'Đã dừng', details: { signed: [signed(req.files[0] ?? '')], total: 3 } } });
      return new Promise<BatchAnswer>((resolve) => (release = resolve));
    });
    const v = await openBatch(w);
    await threeDrafts(v);
    // The PIN state is shown before the PIN is typed.
    expect(v.container.querySelector('[data-testid="pin-state"]')?.textContent).toBe(PIN_STATE_MESSAGES['count-low']);
    await typeInto(byLabel(v.container, 'Mã PIN'), '135790');
    await click(buttonNamed(v.container, 'Ký duyệt 3 văn bản (một lần nhập PIN)'));
    const req = await waitFor(() => {
      const call = v.api.calls.find((c) => c.channel === 'signing.personalBatch');
      if (!call) throw new Error('not called');
      return call.request as BatchReq;
    });
    expect(req.files).toEqual([sha(0x101), sha(0x102), sha(0x103)]);
    expect(req.pin).toBe('135790');
    expect(req.key).toEqual({ tokenLabel: 'ca-nhan', keyId: '01' });
    const jobId = req.jobId ?? '';
    await act(async () => v.api.emit('job.progress', { jobId, label: 'Ký duyệt nhiều văn bản', done: 1, total: 3, state: 'running' }));
    const bar = await waitFor(() => byLabel<HTMLProgressElement>(v.container, 'Ký duyệt nhiều văn bản: 1/3'));
    expect([bar.value, bar.max]).toEqual([1, 3]);

    await click(buttonNamed(v.container, 'Dừng ký'));
    expect(v.api.calls.filter((c) => c.channel === 'jobs.cancel').map((c) => c.request)).toEqual([{ jobId }]);
    await act(async () => {
      if (signFirst) release?.(signFirst());
    });
    await waitFor(() => expect(v.container.querySelector('[role="status"].notice-ok')?.textContent).toBe('Đã dừng: 1/3 văn bản đã ký và được lưu chờ cấp số; các văn bản còn lại chưa ký.'));
    const drafts = await listWaitingDrafts(v.db);
    expect(drafts.map((d) => [d.fileSha256, d.abstract, d.notation, d.signer, d.fileName])).toEqual([
      [`${sha(0x101).slice(0, 60)}beef`, 'Tờ trình về kế hoạch năm 2027', 'QĐ-UBND', 'Nguyễn Văn An', 'to-trinh-01.pdf'],
    ]);
    expect(items(v.container).map((t) => t.includes('Đã ký duyệt, chờ cấp số'))).toEqual([true, false, false]);
    // The rest can be signed later, again with one PIN entry.
    expect(buttonNamed(v.container, 'Ký duyệt 2 văn bản (một lần nhập PIN)')).toBeTruthy();
  });

  it('signs every draft and saves each as "Chờ cấp số"; a wrong PIN saves nothing and shows the PIN state', async () => {
    let wrong = true;
    const w = world('ok', (req, signed) =>
      wrong ? { ok: false, error: { code: 'PIN_INCORRECT', message: 'x', details: { pinState: 'final-try' } } } : { ok: true, value: req.files.map(signed) },
    );
    const v = await openBatch(w);
    await threeDrafts(v);
    await typeInto(byLabel(v.container, 'Mã PIN'), '000000');
    await click(buttonNamed(v.container, 'Ký duyệt 3 văn bản (một lần nhập PIN)'));
    await waitFor(() => expect(v.container.querySelector('[role="alert"].notice-error')?.textContent).toBe(`${ERROR_MESSAGES.PIN_INCORRECT} ${PIN_STATE_MESSAGES['final-try']}`));
    expect(await listWaitingDrafts(v.db)).toEqual([]);
    wrong = false;
    await typeInto(byLabel(v.container, 'Mã PIN'), '135790');
    await click(buttonNamed(v.container, 'Ký duyệt 3 văn bản (một lần nhập PIN)'));
    await waitFor(() => expect(v.container.querySelector('[role="status"].notice-ok')?.textContent).toBe('Đã ký duyệt 3 văn bản; tất cả đang chờ văn thư cấp số.'));
    const drafts = await listWaitingDrafts(v.db);
    expect(drafts.map((d) => d.abstract).sort()).toEqual(['Tờ trình về kế hoạch năm 2027', 'cong van 03', 'quyet dinh 02']);
    expect(drafts.every((d) => d.status === 'waiting-number' && d.signer === 'Nguyễn Văn An')).toBe(true);
    expect(v.api.calls.filter((c) => c.channel === 'signing.personalBatch')).toHaveLength(2);
  });

  it('checks the register data before anyone signs: a bad ký hiệu calls nothing', async () => {
    const w = world('ok', (req, signed) => ({ ok: true, value: req.files.map(signed) }));
    const v = await openBatch(w);
    await threeDrafts(v);
    await typeInto(byLabel(v.container, 'Ký hiệu (phần sau số)'), 'QĐ UBND!');
    await typeInto(byLabel(v.container, 'Mã PIN'), '135790');
    await click(buttonNamed(v.container, 'Ký duyệt 3 văn bản (một lần nhập PIN)'));
    await waitFor(() => expect(v.container.querySelector('[role="alert"].notice-error')?.textContent).toContain('chưa văn bản nào được ký'));
    expect(v.api.calls.some((c) => c.channel === 'signing.personalBatch')).toBe(false);
    expect(await listWaitingDrafts(v.db)).toEqual([]);
  });
});

// Offline signing on the Art. 11 screen (issue 6 item 8): when main signs but could not check revocation, the
// signing result carries the warning and the screen shows "chưa kiểm tra được tình trạng thu hồi" as a status line;
// with a fully checked result no warning is shown.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rules } from '../../../../../src/shared/api/contract';
import type { TokenSummary, VerificationSummary } from '../../../../../src/shared/api/signing-schemas';
import { SigningView } from '../../../../../src/renderer/features/signing/SigningView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { vi as texts } from '../../../../../src/renderer/i18n/vi';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';
import { TEST_SETTINGS } from '../../support/fake-api';

vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => ({ transform: [1.5, 0, 0, -1.5, 0, 841.89 * 1.5], view: [0, 0, 595.28, 841.89], width: 595.28 * 1.5, height: 841.89 * 1.5 }),
  pageTextRuns: async () => [],
}));

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const TOKEN: TokenSummary = { label: 'ca-nhan', manufacturer: 'SoftHSM', model: 'SoftHSM v2', serial: '1', pinState: 'ok' };
const CERT = { tokenLabel: 'ca-nhan', keyId: '01', keyLabel: 'ky', subject: 'CN=Nguyễn Văn An', commonName: 'Nguyễn Văn An', issuer: 'CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', keyUsage: ['digitalSignature'] };
const sha = (n: number) => n.toString(16).padStart(64, '0');

const views: Rendered[] = [];
afterEach(async () => {
  for (const v of views.splice(0).reverse()) await v.unmount();
});

function world(warnings: string[] | undefined) {
  let next = 1;
  let signed = false;
  const unknown: VerificationSummary = {
    verdict: 'unknown', reasons: [],
    signatures: [{
      field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: null, time: null, timeSource: 'claimed', claimedTime: null, revision: 1, revisions: 1, coversWholeFile: true,
      verdict: 'unknown', reasons: ['không có dữ liệu thu hồi dùng được'], allowedChanges: [], certification: null, chain: 'trusted', revocation: 'unknown', revocationUnchecked: true,
    }],
  };
  const stored = () => ({ ok: true as const, value: { sha256: sha((next += 1)), size: 100, mediaType: 'application/pdf' as const } });
  const rules = { holidays: {} as Rules['holidays'], channels: { electronicOnly: ['quyet-dinh' as const], electronicAndPaper: [] }, sources: { holidays: 'default', channels: 'default' } };
  const w = makeWorld({
    'files.put': () => stored(),
    'files.get': (req) => ({ ok: true, value: { sha256: req.sha256, size: 5, mediaType: 'application/pdf', dataBase64: btoa('%PDF-') } }),
    // The draft is unsigned; the personally signed file is "unknown" only for want of revocation data.
    'verify.file': () => ({ ok: true, value: signed ? unknown : { verdict: 'unsigned', reasons: [], signatures: [] } }),
    'token.list': () => ({ ok: true, value: [TOKEN] }),
    'token.certificates': () => ({ ok: true, value: [CERT] }),
    'rules.get': () => ({ ok: true, value: rules }),
    'signing.prepare': () => stored(),
    'signing.personal': () => {
      signed = true;
      return { ok: true, value: { ...stored().value, ...(warnings ? { warnings } : {}) } };
    },
  });
  w.store.getState().setSettings(TEST_SETTINGS);
  return w;
}

async function signPersonally(w: ReturnType<typeof world>): Promise<HTMLElement> {
  const v = await render(<SigningView account={CLERK} />, w);
  views.push(v);
  const { container } = v;
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
  await waitFor(() => expect(container.querySelectorAll('select option').length).toBeGreaterThan(1));
  await typeInto(byLabel(container, 'Mã PIN'), '135790');
  await click(buttonNamed(container, 'Ký duyệt'));
  await waitFor(() => expect(w.api.calls.some((c) => c.channel === 'signing.personal')).toBe(true));
  // The signed draft is saved "Chờ cấp số" and the screen moves on: wait for that before judging the screen.
  await waitFor(() => expect(container.querySelector('[data-testid="step-personal"]')?.className).toContain('step-done'));
  return container;
}

describe('offline warning on the signing screen', () => {
  it('shows "chưa kiểm tra được tình trạng thu hồi" when the signature came back with the warning', async () => {
    const container = await signPersonally(world(['chưa kiểm tra được tình trạng thu hồi']));
    const line = await waitFor(() => {
      const el = container.querySelector('[data-testid="revocation-warning"]');
      if (!el) throw new Error('no warning yet');
      return el;
    });
    expect(line.getAttribute('role')).toBe('status');
    expect(line.textContent).toBe(texts.signing.revocationUnchecked);
    expect(line.textContent).toContain('chưa kiểm tra được tình trạng thu hồi');
  });

  it('shows no warning for a fully checked signature', async () => {
    const w = world(undefined);
    const container = await signPersonally(w);
    await waitFor(() => expect(w.api.calls.some((c) => c.channel === 'verify.file')).toBe(true));
    expect(container.querySelector('[data-testid="revocation-warning"]')).toBeNull();
  });
});

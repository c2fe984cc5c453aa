// Đăng ký văn bản đến (Art. 9.1): refusals change nothing; a good registration gets số đến 1 and its legal
// receipt time (Art. 10.5), and the form is ready for the next document.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegistrationView } from '../../../../../src/renderer/features/registration/RegistrationView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, byRole, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';

// pdf.js needs a real worker (a browser); here the preview gets a one-page stand-in so the test sees its canvas.
vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => undefined,
}));

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const SHA = 'a'.repeat(64);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

function world() {
  return makeWorld({
    'files.put': (req) => ({ ok: true, value: { sha256: SHA, size: atob(req.dataBase64).length, mediaType: 'application/pdf' } }),
  });
}

async function chooseFile(container: HTMLElement, file: File): Promise<void> {
  const input = byLabel(container, 'Chọn tệp PDF');
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const pdf = () => new File([new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')], 'cong-van.pdf', { type: 'application/pdf' });

async function fill(container: HTMLElement, abstract: string): Promise<void> {
  await typeInto(byLabel<HTMLSelectElement>(container, 'Loại văn bản'), 'cong-van');
  await typeInto(byLabel(container, 'Số, ký hiệu'), '125/UBND-VP');
  await typeInto(byLabel(container, 'Cơ quan ban hành'), 'Ủy ban nhân dân huyện Tam Đường');
  await typeInto(byLabel(container, 'Ngày văn bản'), '20/11/2026');
  await typeInto(byLabel(container, 'Trích yếu'), abstract);
}

async function counts(v: Rendered) {
  return [await v.db.registerEntries.count(), await v.db.documents.count(), await v.db.journal.count()];
}

describe('RegistrationView', () => {
  it('refuses a missing trích yếu with the Vietnamese message next to the field and writes nothing', async () => {
    view = await render(<RegistrationView account={CLERK} />, world());
    const { container } = view;
    await chooseFile(container, pdf());
    await waitFor(() => expect(view!.api.calls.some((c) => c.channel === 'files.put')).toBe(true));
    await waitFor(() => expect(container.querySelector('[data-testid="pdf-preview"] canvas')).not.toBeNull());
    await fill(container, '');
    await click(buttonNamed(container, 'Lưu (Enter)'));
    const error = await waitFor(() => {
      const found = [...container.querySelectorAll('.field-error')].find((e) => /Trích yếu/.test(e.textContent ?? ''));
      if (!found) throw new Error('no field error yet');
      return found;
    });
    expect(error.textContent).toBe('Trích yếu: không được để trống.');
    expect(byLabel(container, 'Trích yếu').getAttribute('aria-invalid')).toBe('true');
    expect(await counts(view)).toEqual([0, 0, 0]);
    expect(byRole(container, 'status').filter((s) => s.textContent?.includes('Số đến'))).toHaveLength(0);
  });

  it('refuses an empty file before uploading it', async () => {
    view = await render(<RegistrationView account={CLERK} />, world());
    await chooseFile(view.container, new File([], 'rong.pdf', { type: 'application/pdf' }));
    const alert = await waitFor(() => {
      const [a] = byRole(view!.container, 'alert');
      if (!a) throw new Error('no alert yet');
      return a;
    });
    expect(alert.textContent).toBe('Tệp rỗng (0 byte).');
    expect(view.api.calls.filter((c) => c.channel === 'files.put')).toHaveLength(0);
  });

  it('registers with số đến 1 and the legal receipt time, then resets for the next document', async () => {
    view = await render(<RegistrationView account={CLERK} />, world());
    const { container } = view;
    await chooseFile(container, pdf());
    await waitFor(() => expect(view!.api.calls.some((c) => c.channel === 'files.put')).toBe(true));
    await fill(container, 'V/v triển khai kế hoạch chuyển đổi số năm 2027');
    await click(buttonNamed(container, 'Lưu (Enter)'));
    const status = await waitFor(() => {
      const found = byRole(container, 'status').find((s) => s.textContent?.includes('Số đến'));
      if (!found) throw new Error('not registered yet');
      return found;
    });
    // 09:00 on Tuesday 24/11/2026 (Hà Nội) is inside office hours (Art. 10.5).
    expect(status.textContent).toContain('Số đến: 1');
    expect(status.textContent).toContain('Thời điểm nhận hợp lệ: 09:00 24/11/2026');
    expect(status.textContent).toContain('trong giờ hành chính');
    expect(await counts(view)).toEqual([1, 1, 1]);
    const [doc] = await view.db.documents.toArray();
    expect(doc).toMatchObject({ codeNotation: '125/UBND-VP', fileSha256: SHA, abstract: 'V/v triển khai kế hoạch chuyển đổi số năm 2027' });
    expect(byLabel(container, 'Trích yếu').value).toBe('');
    expect(document.activeElement).toBe(byLabel(container, 'Loại văn bản'));
  });
});

// OCR and automatic fill in Đăng ký văn bản đến (issue 9, Art. 9.1): a scan handed over by Quét văn bản is read by
// scan.extract (faked here, as every main call in renderer tests), the form fills itself, fields below the
// trusted confidence are highlighted with a "Cần kiểm tra lại" hint, the boxes sit over the preview, Enter
// registers with the OCR text; Dừng nhận dạng cancels the job; a failed extraction leaves the form to the clerk.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as registrationDb from '../../../../../src/renderer/db/registration';
import { RegistrationView } from '../../../../../src/renderer/features/registration/RegistrationView';
import { connectStore } from '../../../../../src/renderer/stores/app-store';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import type { Req } from '../../../../../src/shared/api/contract';
import type { ScanExtractOutcome } from '../../../../../src/shared/api/ocr-schemas';
import type { Result } from '../../../../../src/shared/api/result';
import { byLabel, byRole, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import type { Handlers } from '../../support/fake-api';
import { makeWorld, render, type Rendered } from '../../support/render';
import { sampleExtraction } from './extraction-sample';

// pdf.js needs a real worker (a browser); here the preview gets a one-page stand-in so the test sees its canvas.
vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => undefined,
}));

// The real registration transaction, watched so the test can see the input it got (ocrText).
vi.mock('../../../../../src/renderer/db/registration', async (original) => {
  const real = await original<typeof registrationDb>();
  return { ...real, registerIncoming: vi.fn(real.registerIncoming) };
});

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };
const SHA = 'c'.repeat(64);
const PDF_BASE64 = btoa('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
  vi.mocked(registrationDb.registerIncoming).mockClear();
});

/** A world where Quét văn bản has handed over the scan SHA and scan.extract answers with `extract`. */
async function handedOver(extract: Handlers['scan.extract'], more: Handlers = {}): Promise<Rendered> {
  const world = makeWorld({
    'files.get': () => ({ ok: true, value: { sha256: SHA, size: 40, mediaType: 'application/pdf', dataBase64: PDF_BASE64 } }),
    'jobs.cancel': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no such job' } }),
    ...(extract ? { 'scan.extract': extract } : {}),
    ...more,
  });
  world.store.getState().handOffScan({ sha256: SHA, name: 'ban-quet-1.pdf' });
  return render(<RegistrationView account={CLERK} />, world);
}

function statusWith(container: HTMLElement, text: string): HTMLElement {
  const found = byRole(container, 'status').find((s) => s.textContent?.includes(text));
  if (!found) throw new Error(`no status with "${text}" yet`);
  return found;
}

/** Enter in a control of the form: the browser's implicit submission (jsdom does not implement it). */
async function pressEnter(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    (el as HTMLInputElement).form?.requestSubmit();
  });
}

function hintOf(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

const fieldOf = (control: HTMLElement) => control.closest('.field') as HTMLElement;

describe('Đăng ký văn bản đến filled by OCR', () => {
  it('fills the form from the scan, highlights the low-confidence fields, shows the boxes, and Enter registers with the OCR text', async () => {
    const extraction = sampleExtraction({ confidence: { date: 0.62, abstract: 0.7 } });
    view = await handedOver(() => ({ ok: true, value: extraction }));
    const { container } = view;

    await waitFor(() => expect(byLabel(container, 'Số, ký hiệu').value).toBe('05/QĐ-UBND'));
    const request = view.api.calls.find((c) => c.channel === 'scan.extract')?.request as Req<'scan.extract'>;
    expect(request.hash).toBe(SHA);
    expect(request.jobId).toMatch(/^extract-/);
    expect(byLabel<HTMLSelectElement>(container, 'Loại văn bản').value).toBe('quyet-dinh');
    expect(byLabel(container, 'Cơ quan ban hành').value).toBe('Ủy ban nhân dân tỉnh Lai Châu');
    expect(byLabel(container, 'Ngày văn bản').value).toBe('05/03/2026');
    expect(byLabel(container, 'Trích yếu').value).toBe('Về việc kiện toàn Ban chỉ đạo cải cách hành chính');
    expect(byLabel<HTMLSelectElement>(container, 'Độ khẩn').value).toBe('khan');
    expect(byLabel<HTMLSelectElement>(container, 'Độ mật').value).toBe('thuong');
    expect(statusWith(container, 'Đã tự điền').textContent).toContain('Đã tự điền 7 trường từ bản quét. 2 trường được tô vàng cần kiểm tra lại');
    expect(statusWith(container, 'Người ký').textContent).toContain('Người ký: PHÓ CHỦ TỊCH Lò Văn Hương');

    // Below 0.8: highlighted and described; the others are not.
    const date = byLabel(container, 'Ngày văn bản');
    expect(fieldOf(date).classList.contains('field-check')).toBe(true);
    expect(hintOf(date)).toContain('Cần kiểm tra lại');
    expect(fieldOf(byLabel(container, 'Trích yếu')).classList.contains('field-check')).toBe(true);
    const code = byLabel(container, 'Số, ký hiệu');
    expect(fieldOf(code).classList.contains('field-check')).toBe(false);
    expect(hintOf(code)).not.toContain('Cần kiểm tra lại');

    // The first field to check has the focus (Ngày văn bản comes before Trích yếu in the form).
    await waitFor(() => expect(document.activeElement).toBe(date));

    // Boxes over the preview, placed in percent of the page; the focused field's box stands out.
    const boxes = container.querySelector('[data-testid="pdf-preview"] [data-testid="ocr-boxes"]') as HTMLElement;
    const dateBox = boxes.querySelector('[data-field="documentDate"]') as HTMLElement;
    expect(dateBox.style.left).toBe('55%');
    expect(dateBox.style.width).toBe('35%');
    expect(dateBox.classList.contains('ocr-box-check')).toBe(true);
    await waitFor(() => expect(dateBox.classList.contains('ocr-box-active')).toBe(true));
    await act(async () => code.focus());
    const codeBox = boxes.querySelector('[data-field="codeNotation"]') as HTMLElement;
    await waitFor(() => expect(codeBox.classList.contains('ocr-box-active')).toBe(true));
    expect(dateBox.classList.contains('ocr-box-active')).toBe(false);
    expect(codeBox.classList.contains('ocr-box-check')).toBe(false);

    // The clerk corrects the date (which clears its highlight) and presses Enter.
    await typeInto(date, '06/03/2026');
    expect(fieldOf(date).classList.contains('field-check')).toBe(false);
    await pressEnter(date);
    await waitFor(() => statusWith(container, 'Số đến: 1'));
    const input = vi.mocked(registrationDb.registerIncoming).mock.calls[0]?.[1];
    expect(input?.ocrText).toBe(extraction.text);
    expect(input?.file.sha256).toBe(SHA);
    expect(input?.form).toMatchObject({ typeId: 'quyet-dinh', codeNotation: '05/QĐ-UBND', documentDate: '2026-03-06', urgency: 'khan' });
    // Ready for the next document: no highlight or boxes of the previous one are left.
    expect(container.querySelector('.field-check')).toBeNull();
    expect(container.querySelector('[data-testid="ocr-boxes"]')).toBeNull();
  });

  it('puts the focus on Lưu when every field was read reliably, so Enter registers at once', async () => {
    view = await handedOver(() => ({ ok: true, value: sampleExtraction() }));
    const { container } = view;
    const save = buttonNamed(container, 'Lưu (Enter)');
    await waitFor(() => expect(document.activeElement).toBe(save));
    expect(container.querySelector('.field-check')).toBeNull();
    await pressEnter(save);
    await waitFor(() => statusWith(container, 'Số đến: 1'));
    expect(vi.mocked(registrationDb.registerIncoming).mock.calls[0]?.[1].ocrText).toBe(sampleExtraction().text);
  });

  it('leaves unread fields empty and marks them to be typed', async () => {
    const few = sampleExtraction({ fields: { issuer: '', date: '', abstract: '' }, confidence: { issuer: 0, date: 0, abstract: 0 } });
    view = await handedOver(() => ({ ok: true, value: few }));
    const { container } = view;
    await waitFor(() => expect(byLabel(container, 'Số, ký hiệu').value).toBe('05/QĐ-UBND'));
    const issuer = byLabel(container, 'Cơ quan ban hành');
    expect(issuer.value).toBe('');
    expect(fieldOf(issuer).classList.contains('field-check')).toBe(true);
    expect(hintOf(issuer)).toContain('Cần nhập');
    expect(container.querySelector('[data-field="issuer"].ocr-box')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(issuer));
  });

  it('Dừng nhận dạng cancels the job, and a late answer fills nothing', async () => {
    let answer: (r: Result<ScanExtractOutcome>) => void = () => undefined;
    // jobs.cancel in main makes the running job answer CANCELLED; the fake does the same.
    const cancels: string[] = [];
    view = await handedOver(() => new Promise((resolve) => (answer = resolve)), {
      'jobs.cancel': (req) => {
        cancels.push(req.jobId);
        answer({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
        return { ok: true, value: { cancelled: true } };
      },
    });
    const { container } = view;
    const request = await waitFor(() => {
      const found = view!.api.calls.find((c) => c.channel === 'scan.extract');
      if (!found) throw new Error('not started');
      return found.request as Req<'scan.extract'>;
    });
    const jobId = request.jobId as string;
    // job.progress reaches the store as in the app (connectStore), and the view reads it there.
    connectStore(view.store, view.deps);
    await act(async () => view!.api.emit('job.progress', { jobId, label: 'Nhận dạng chữ và điền thông tin', done: 1, total: 3, state: 'running' }));
    const running = await waitFor(() => statusWith(container, 'Đang nhận dạng chữ: trang 1/3'));
    expect(running.querySelector('progress')).not.toBeNull();

    await click(buttonNamed(container, 'Dừng nhận dạng'));
    expect(cancels).toEqual([jobId]);
    await waitFor(() => statusWith(container, 'Đã dừng nhận dạng chữ'));
    expect(container.querySelector('progress')).toBeNull();
    expect(byLabel(container, 'Số, ký hiệu').value).toBe('');
    expect(container.querySelector('.field-check')).toBeNull();
    // The form is the clerk's: typing still works, and nothing of the scan is lost (the file is still there).
    await typeInto(byLabel(container, 'Số, ký hiệu'), '7/UBND-VP');
    expect(byLabel(container, 'Số, ký hiệu').value).toBe('7/UBND-VP');
    expect(container.querySelector('[data-testid="pdf-preview"]')).not.toBeNull();
  });

  it('an answer that arrives after Dừng (main had not started the job yet) is dropped', async () => {
    let answer: (r: Result<ScanExtractOutcome>) => void = () => undefined;
    view = await handedOver(() => new Promise((resolve) => (answer = resolve)));
    const { container } = view;
    await waitFor(() => buttonNamed(container, 'Dừng nhận dạng'));
    await click(buttonNamed(container, 'Dừng nhận dạng'));
    expect(view.api.calls.filter((c) => c.channel === 'jobs.cancel')).toHaveLength(1);
    await act(async () => answer({ ok: true, value: sampleExtraction() }));
    await waitFor(() => statusWith(container, 'Đã dừng nhận dạng chữ'));
    expect(byLabel(container, 'Số, ký hiệu').value).toBe('');
  });

  it('a scan with no text gives a clear Vietnamese message; the clerk types the fields and Enter registers without OCR text', async () => {
    view = await handedOver(() => ({ ok: false, error: { code: 'EMPTY_FILE', message: 'no text', details: { noText: true } } }));
    const { container } = view;
    const note = await waitFor(() => statusWith(container, 'Không nhận dạng được chữ'));
    expect(note.textContent).toBe(
      'Không nhận dạng được chữ nào trong bản quét (trang trắng hoặc ảnh quá mờ). Hãy nhập thông tin bằng tay hoặc quét lại; tệp đã quét vẫn được giữ.',
    );
    expect(container.querySelector('.field-check')).toBeNull();
    await typeInto(byLabel<HTMLSelectElement>(container, 'Loại văn bản'), 'cong-van');
    await typeInto(byLabel(container, 'Số, ký hiệu'), '125/UBND-VP');
    await typeInto(byLabel(container, 'Cơ quan ban hành'), 'Ủy ban nhân dân huyện Tam Đường');
    await typeInto(byLabel(container, 'Ngày văn bản'), '20/11/2026');
    await typeInto(byLabel(container, 'Trích yếu'), 'V/v triển khai kế hoạch');
    await pressEnter(byLabel(container, 'Trích yếu'));
    await waitFor(() => statusWith(container, 'Số đến: 1'));
    const input = vi.mocked(registrationDb.registerIncoming).mock.calls[0]?.[1];
    expect(input?.ocrText).toBeUndefined();
    expect(input?.file.sha256).toBe(SHA);
  });

  it('a corrupt scan image is explained too, and what the clerk typed during OCR is never overwritten', async () => {
    let answer: (r: Result<ScanExtractOutcome>) => void = () => undefined;
    view = await handedOver(() => new Promise((resolve) => (answer = resolve)));
    const { container } = view;
    await waitFor(() => buttonNamed(container, 'Dừng nhận dạng'));
    await typeInto(byLabel(container, 'Cơ quan ban hành'), 'Sở Nội vụ');
    await act(async () => answer({ ok: true, value: sampleExtraction({ confidence: { issuer: 0.3 } }) }));
    await waitFor(() => expect(byLabel(container, 'Số, ký hiệu').value).toBe('05/QĐ-UBND'));
    const issuer = byLabel(container, 'Cơ quan ban hành');
    expect(issuer.value).toBe('Sở Nội vụ');
    expect(fieldOf(issuer).classList.contains('field-check')).toBe(false);
    // The clerk is typing: the focus stays where it is.
    expect(document.activeElement).not.toBe(buttonNamed(container, 'Lưu (Enter)'));

    await view.unmount();
    view = await handedOver(() => ({ ok: false, error: { code: 'SCAN_IMAGE_CORRUPT', message: 'bad image' } }));
    const note = await waitFor(() => statusWith(view!.container, 'Ảnh trong bản quét bị hỏng'));
    expect(note.textContent).toContain('Hãy nhập thông tin bằng tay');
  });
});

/**
 * UI strings of OCR and automatic fill in Đăng ký văn bản đến (issue 9; Quy chế Art. 9.1: the clerk scans the
 * paper document and enters its data), spread into `vi` in vi.ts as `vi.ocr` (house rule 15).
 */
import type { AppErrorCode } from '../../shared/api/result';

/** Why scan.extract gave nothing: the code main answered → what the clerk reads (house rule 6). */
export const OCR_ERROR_MESSAGES: Partial<Record<AppErrorCode, string>> = {
  EMPTY_FILE: 'Không nhận dạng được chữ nào trong bản quét (trang trắng hoặc ảnh quá mờ). Hãy nhập thông tin bằng tay hoặc quét lại; tệp đã quét vẫn được giữ.',
  SCAN_IMAGE_CORRUPT: 'Ảnh trong bản quét bị hỏng, không nhận dạng được chữ. Hãy nhập thông tin bằng tay hoặc quét lại; tệp đã quét vẫn được giữ.',
  NOT_PDF: 'Tệp không phải là PDF đọc được, không nhận dạng được chữ. Hãy nhập thông tin bằng tay.',
  TOO_LARGE: 'Tệp quá lớn để nhận dạng chữ. Hãy nhập thông tin bằng tay.',
  INTERNAL: 'Máy trạm chưa nhận dạng được chữ (thiếu công cụ nhận dạng hoặc lỗi hệ thống). Hãy nhập thông tin bằng tay.',
};

export const viOcr = {
  running: 'Đang nhận dạng chữ và điền thông tin…',
  progress: (done: number, total: number) => (total > 0 ? `Đang nhận dạng chữ: trang ${done}/${total}` : 'Đang nhận dạng chữ…'),
  cancel: 'Dừng nhận dạng',
  cancelled: 'Đã dừng nhận dạng chữ. Hãy nhập thông tin bằng tay; tệp đã quét vẫn được giữ.',
  filled: (filled: number, unsure: number) =>
    unsure > 0
      ? `Đã tự điền ${filled} trường từ bản quét. ${unsure} trường được tô vàng cần kiểm tra lại trước khi bấm Enter.`
      : `Đã tự điền ${filled} trường từ bản quét. Kiểm tra rồi bấm Enter để đăng ký.`,
  /** Next to a field the machine could not read reliably (confidence below 0.8). */
  checkField: 'Cần kiểm tra lại: máy đọc chưa chắc chắn',
  /** Next to a field the machine found nothing for. */
  missingField: 'Cần nhập: máy không đọc được trường này',
  boxesLabel: 'Vị trí các trường đọc được trên bản quét',
  otherFacts: 'Thông tin khác đọc được',
  signer: (name: string, position: string) => `Người ký: ${[position, name].filter((s) => s !== '').join(' ')}`,
  recipients: (list: string) => `Nơi nhận: ${list}`,
} as const;

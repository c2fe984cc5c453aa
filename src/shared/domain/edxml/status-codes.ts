/**
 * Status codes of status packages (standards.md §0.3, §1.6; the SDK samples' wording). 01–06 are sent by the
 * receiver of a document, 13 by its sender (request to revoke, Quy chế Art. 9.5), 15/16 by the receiver in
 * answer to a 13 or an update. Codes 07–12 and 14 appear in no source: an unknown code is informational.
 */

export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export interface StatusCodeInfo {
  code: StatusCode;
  /** Wording of the SDK samples, used as the default `Description`. */
  meaning: string;
  /** Who sends it: the receiver of the document, or its sender (13). */
  sentBy: 'receiver' | 'sender';
  /** Our own clerk must give a reason (§1.8 "Status reasons": 02, 13, 16). */
  reasonRequired: boolean;
}

const TABLE: readonly StatusCodeInfo[] = [
  { code: '01', meaning: 'Đã đến: QLVB đã nhận nhưng văn thư chưa xử lý', sentBy: 'receiver', reasonRequired: false },
  { code: '02', meaning: 'Từ chối không tiếp nhận văn bản điện tử', sentBy: 'receiver', reasonRequired: true },
  { code: '03', meaning: 'Tiếp nhận văn bản điện tử, vào sổ văn bản đến', sentBy: 'receiver', reasonRequired: false },
  { code: '04', meaning: 'Lãnh đạo: Phân công xử lý', sentBy: 'receiver', reasonRequired: false },
  { code: '05', meaning: 'Đang xử lý văn bản đến', sentBy: 'receiver', reasonRequired: false },
  { code: '06', meaning: 'Hoàn thành xử lý', sentBy: 'receiver', reasonRequired: false },
  { code: '13', meaning: 'Văn thư yêu cầu lấy lại văn bản điện tử kèm lý do', sentBy: 'sender', reasonRequired: true },
  { code: '15', meaning: 'Văn thư đồng ý yêu cầu cập nhật, lấy lại', sentBy: 'receiver', reasonRequired: false },
  { code: '16', meaning: 'Văn thư từ chối yêu cầu cập nhật, lấy lại', sentBy: 'receiver', reasonRequired: true },
];

const BY_CODE = new Map<string, StatusCodeInfo>(TABLE.map((row) => [row.code, Object.freeze(row)]));

/** Whether `value` is one of the nine known codes (exactly two digits, e.g. '03' not '3'). */
export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** What a known code means and who sends it; undefined for an unknown code. */
export function statusCodeInfo(code: string): StatusCodeInfo | undefined {
  return BY_CODE.get(code);
}

/**
 * Reads a status code as relayed: trims, and pads a single digit ('3' → '03') because some producers write
 * integers. Returns the two-digit text (known or not) or null when it is not one or two digits.
 */
export function normalizeStatusCode(text: string): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  return t.padStart(2, '0');
}

/**
 * Reading axis answers, shared by the adapters: the common envelope (`status`, `ErrorCode`, `ErrorDesc`,
 * standards.md §2.1), agency rows in either code form (§3.2), inbox rows, sent-status rows, and a package body
 * that comes either raw or as `data` inside JSON (base64 or XML text). Unknown or odd fields are tolerated;
 * missing required ones are an AXIS_REJECTED with a Vietnamese reason.
 */
import { AppFailure } from '../../../shared/api/result';
import { TOLERANT_AGENCY_CODE } from '../../../shared/domain/identifier-code';
import type { AxisAgency, AxisInboxEntry, AxisMessageType, AxisSentStatus } from './axis-client';

type Row = Record<string, unknown>;

const MAX_DESC = 300;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim().slice(0, 1000);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Vietnamese meaning of an axis error code, per adapter (Lạng Sơn lists its codes, standards.md §2.4). */
export type ErrorCodeTexts = Readonly<Record<string, string>>;

/** Check the envelope; answers it as an object. Errors: AXIS_REJECTED (FAIL or a non-zero ErrorCode). */
export function checkEnvelope(answer: unknown, texts: ErrorCodeTexts = {}): Row {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new AppFailure('AXIS_REJECTED', 'Trục liên thông trả lời không đúng cấu trúc.');
  }
  const row = answer as Row;
  const status = text(row.status);
  const code = text(row.ErrorCode ?? row.errorCode) ?? '0';
  if ((status !== null && status.toUpperCase() === 'FAIL') || code !== '0') {
    const desc = (text(row.ErrorDesc ?? row.errorDesc) ?? '').slice(0, MAX_DESC);
    const known = texts[code];
    const reason = known ?? (desc ? `Trục liên thông báo lỗi ${code}: ${desc}` : `Trục liên thông báo lỗi ${code}.`);
    throw new AppFailure('AXIS_REJECTED', reason, { axisCode: code, axisDesc: desc });
  }
  return row;
}

function rows(envelope: Row, what: string): Row[] {
  const data = envelope.data;
  if (data === undefined || data === null) return [];
  if (!Array.isArray(data)) throw new AppFailure('AXIS_REJECTED', `Trục liên thông trả về ${what} không phải danh sách.`);
  return data.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r));
}

/** Agency rows: `code102` beside `code` (getAgenciesListQD20), or one `code` classified by its shape. */
export function parseAgencies(envelope: Row): AxisAgency[] {
  const out: AxisAgency[] = [];
  for (const r of rows(envelope, 'danh sách cơ quan')) {
    const code = text(r.code);
    const code102 = text(r.code102) ?? (code && TOLERANT_AGENCY_CODE.test(code) ? code : null);
    const codeQd20 = text(r.codeQD20 ?? r.code_qd20) ?? (code && code !== code102 ? code : code102);
    const name = text(r.name);
    if ((code102 === null && codeQd20 === null) || name === null) continue;
    out.push({
      id: text(r.id) ?? code102 ?? codeQd20 ?? '',
      code102: code102 ?? '',
      codeQd20: codeQd20 ?? '',
      name,
      parentId: text(r.pid ?? r.parentId),
      oldCode: text(r.oldCode),
      deleted: r.deleted === true || r.deleted === 1 || r.deleted === '1' || r.deleted === 'true',
      mail: text(r.mail),
    });
  }
  return out;
}

/** Inbox rows; rows without a docId are skipped (nothing can be fetched or acknowledged for them). */
export function parseInbox(envelope: Row, messageType: AxisMessageType): AxisInboxEntry[] {
  const out: AxisInboxEntry[] = [];
  for (const r of rows(envelope, 'danh sách văn bản đến')) {
    const docId = text(r.docId ?? r.DocId ?? r.id);
    if (docId === null) continue;
    const kind = text(r.messageType ?? r.messagetype);
    out.push({
      docId,
      messageType: kind === 'status' || kind === 'edoc' ? kind : messageType,
      from: text(r.from) ?? '',
      createdTime: text(r.created_time ?? r.createdTime),
    });
  }
  return out;
}

/** The DocId the axis gave a sent package. Errors: AXIS_REJECTED when it is missing. */
export function parseSendDocId(envelope: Row): string {
  const id = text(envelope.DocId ?? envelope.docId ?? (envelope.data as Row | undefined)?.docId);
  if (id === null) throw new AppFailure('AXIS_REJECTED', 'Trục liên thông nhận gói tin nhưng không trả về mã văn bản (DocId).');
  return id;
}

export function parseSentStatus(envelope: Row): AxisSentStatus[] {
  return rows(envelope, 'trạng thái gửi').map((r) => ({
    toCode: text(r.toCode) ?? '',
    receiverDocId: text(r.receiverDocId),
    sentTime: text(r.sentTime),
    receivedTime: text(r.receivedTime),
    sendStatus: text(r.sendStatus),
    receiveStatus: text(r.receiveStatus),
  }));
}

async function collect(body: AsyncIterable<Uint8Array>, max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > max) throw new AppFailure('TOO_LARGE', 'Gói tin từ Trục liên thông vượt giới hạn kích thước.', { max });
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/**
 * The package bytes of a getEdoc answer, bounded by `maxBytes`: raw bodies stream through; a JSON body carries the
 * package in `data` (XML text, or base64), possibly with the envelope saying FAIL.
 */
export async function packageStream(answer: { contentType: string; body: AsyncIterable<Uint8Array> }, maxBytes: number, texts: ErrorCodeTexts = {}): Promise<AsyncIterable<Uint8Array>> {
  if (!/json/i.test(answer.contentType)) {
    return (async function* () {
      let size = 0;
      for await (const c of answer.body) {
        size += c.length;
        if (size > maxBytes) throw new AppFailure('TOO_LARGE', 'Gói tin từ Trục liên thông vượt giới hạn kích thước.', { max: maxBytes });
        yield c;
      }
    })();
  }
  const raw = await collect(answer.body, Math.ceil((maxBytes * 4) / 3) + 64 * 1024);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppFailure('AXIS_REJECTED', 'Trục liên thông trả gói tin không đúng định dạng JSON.');
  }
  const env = checkEnvelope(parsed, texts);
  const data = env.data;
  if (typeof data !== 'string' || data.length === 0) throw new AppFailure('AXIS_REJECTED', 'Trục liên thông không trả nội dung gói tin.');
  const bytes = /^\s*</.test(data) ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
  if (bytes.length > maxBytes) throw new AppFailure('TOO_LARGE', 'Gói tin từ Trục liên thông vượt giới hạn kích thước.', { max: maxBytes });
  return (async function* () {
    yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  })();
}

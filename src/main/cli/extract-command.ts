/**
 * `vanthu extract FILE... [--json]` (issue 9): reads scanned (image-only) PDFs, or PDFs with a text layer, and
 * prints the register fields found in NĐ 30 layout. With --json one object per line per file:
 *   {"file","fields":{issuer,codeNotation,place,date,type,abstract,urgency,confidentiality,signerName,signerPosition,recipients},"confidence":{...}}
 * A file that cannot be read gives {"file","error":{"code","message"}} and exit code 1; a usage error exits 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import { AppFailure } from '../../shared/api/result';
import { EXTRACTED_FIELD_NAMES, TRUSTED_CONFIDENCE, type ExtractionResult } from '../../shared/api/ocr-schemas';
import { extractFromPdf } from '../scan/extract/extract-from-pdf';

/** Usage text of the command (also printed by `vanthu extract --help`). */
export const EXTRACT_USAGE = 'Cách dùng: vanthu extract FILE... [--json]   (đọc văn bản quét PDF theo thể thức NĐ 30, in các trường đăng ký văn bản đến)';

const LABEL_VI: Record<(typeof EXTRACTED_FIELD_NAMES)[number], string> = {
  issuer: 'Cơ quan ban hành',
  codeNotation: 'Số, ký hiệu',
  place: 'Địa danh',
  date: 'Ngày văn bản',
  type: 'Tên loại',
  abstract: 'Trích yếu',
  urgency: 'Độ khẩn',
  confidentiality: 'Độ mật',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ',
  recipients: 'Nơi nhận',
};

function readInput(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppFailure('NOT_FOUND', `Không tìm thấy tệp ${file}.`);
  }
  if (size > MAX_FILE_BYTES) throw new AppFailure('TOO_LARGE', `Tệp ${file} lớn hơn giới hạn ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  return new Uint8Array(readFileSync(file));
}

function printText(file: string, r: ExtractionResult, out: (s: string) => void): void {
  out(`${file}:`);
  for (const name of EXTRACTED_FIELD_NAMES) {
    const v = r.fields[name];
    const c = r.confidence[name];
    const text = Array.isArray(v) ? v.join('; ') : v;
    out(`  ${LABEL_VI[name]}: ${text || '(không đọc được)'}  [${Math.round(c * 100)}%${c < TRUSTED_CONFIDENCE ? ', cần kiểm tra' : ''}]`);
  }
}

/** Runs the subcommand; returns the exit code (0 all read, 1 some file failed, 2 usage). */
export async function extractCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    err(`${(e as Error).message}\n${EXTRACT_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    out(EXTRACT_USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    err(`Cần ít nhất một tệp PDF.\n${EXTRACT_USAGE}`);
    return 2;
  }
  let code = 0;
  for (const file of parsed.positionals) {
    try {
      const result = await extractFromPdf(readInput(file));
      if (parsed.values.json) out(JSON.stringify({ file, fields: result.fields, confidence: result.confidence, boxes: result.boxes, details: result.details }));
      else printText(file, result, out);
    } catch (e) {
      code = 1;
      const failure = e instanceof AppFailure ? e : new AppFailure('INTERNAL', (e as Error).message);
      if (parsed.values.json) out(JSON.stringify({ file, error: { code: failure.code, message: failure.message } }));
      else err(`${file}: Lỗi ${failure.code}: ${failure.message}`);
    }
  }
  return code;
}

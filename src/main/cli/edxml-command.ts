/**
 * `vanthu edxml check FILE... [--json]` (issue 8): the strict check of edXML packages (what an axis-side validator
 * demands, standards.md §1.8) for IT officers. With --json: one JSON object per line and file,
 * `{file, kind, ok, problems: [{path, reason}]}` (kind 'edoc' | 'status', or null when the file is not readable
 * as either). Exit 0 only when every file is ok, 1 otherwise, 2 on a usage error (usage on stderr); --help prints
 * the usage on stdout. File paths are only opened for reading.
 */
import { parseArgs } from 'node:util';
import { checkPackageFile } from '../exchange/edxml/check-package';
import type { PackageCheck } from '../exchange/edxml/edxml-api';

export const EDXML_USAGE = [
  'Cách dùng: vanthu edxml check TỆP... [--json]',
  '  Kiểm tra gói edXML (gói văn bản hoặc gói trạng thái, QCVN 102:2016) theo yêu cầu của trục liên thông;',
  '  liệt kê mọi sai lệch kèm vị trí (đường dẫn phần tử) và lý do.',
  '  --json   mỗi tệp một dòng JSON {file, kind, ok, problems: [{path, reason}]}',
  '  --help   in hướng dẫn này',
  '  Mã thoát: 0 khi mọi tệp hợp lệ, 1 khi có tệp không hợp lệ, 2 khi dùng sai lệnh.',
].join('\n');

const KIND_VI = { edoc: 'gói văn bản', status: 'gói trạng thái' } as const;

async function checkOne(file: string): Promise<PackageCheck> {
  try {
    return await checkPackageFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : code === 'EACCES' ? 'không có quyền đọc tệp' : (cause as Error).message;
    return { file, kind: null, ok: false, problems: [{ path: '', reason: `Không đọc được tệp: ${why}.` }] };
  }
}

/** Run `vanthu edxml …`; returns the exit code. */
export async function edxmlCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    out(EDXML_USAGE);
    return 0;
  }
  if (sub !== 'check') {
    err(sub === undefined ? 'Thiếu lệnh con (check).' : `Lệnh con không hợp lệ: ${sub}.`);
    err(EDXML_USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (cause) {
    err(`Tham số không hợp lệ: ${(cause as Error).message}`);
    err(EDXML_USAGE);
    return 2;
  }
  if (parsed.values.help) {
    out(EDXML_USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    err('Cần ít nhất một tệp edXML.');
    err(EDXML_USAGE);
    return 2;
  }
  let allOk = true;
  for (const file of parsed.positionals) {
    const result = await checkOne(file);
    if (!result.ok) allOk = false;
    if (parsed.values.json) {
      out(JSON.stringify({ file: result.file, kind: result.kind, ok: result.ok, problems: result.problems }));
      continue;
    }
    const kind = result.kind ? KIND_VI[result.kind] : 'không xác định được loại gói';
    out(result.ok ? `${file}: hợp lệ (${kind})` : `${file}: không hợp lệ (${kind}), ${result.problems.length} sai lệch`);
    for (const p of result.problems) out(`  - ${p.path === '' ? '' : `${p.path}: `}${p.reason}`);
  }
  return allOk ? 0 : 1;
}

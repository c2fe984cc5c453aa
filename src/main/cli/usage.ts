/**
 * Usage texts of `vanthu` (command-line conventions: `--help` prints the usage on stdout and exits 0; a usage
 * error prints it on stderr and exits 2). Vietnamese, like every message of the command line.
 */
export const VERIFY_USAGE = `Cách dùng: vanthu verify TỆP.pdf... [--json] [--trust THƯ_MỤC] [--integrity-only] [--offline]
  Kiểm tra chữ ký số của từng tệp PDF: cấu trúc, tính toàn vẹn, thay đổi sau khi ký, chuỗi chứng thư và tình trạng thu hồi.
  --json            mỗi tệp một dòng JSON: file, verdict (valid | valid-with-allowed-changes | invalid | unknown | unsigned), reasons, signatures
  --trust THƯ_MỤC   thêm chứng thư gốc/trung gian từ một thư mục (.crt .cer .pem .der .p7b)
  --integrity-only  chỉ kiểm tra cấu trúc, toàn vẹn và các bản sửa đổi (không kiểm tra chuỗi, thu hồi)
  --offline         không tải OCSP/CRL/chứng thư trung gian qua mạng
  Mã thoát: 0 khi mọi tệp hợp lệ (hoặc hợp lệ, có thay đổi được phép); 1 khi có tệp không hợp lệ/chưa xác định; 2 khi dùng sai.`;

export const SIGN_USAGE = `Cách dùng: vanthu sign --module THƯ_VIỆN --token NHÃN --key-label NHÃN --in VÀO.pdf --out RA.pdf --role personal|organization
                   [--number SỐ --notation KÝ_HIỆU --date YYYY-MM-DD] [--image ẢNH.png] [--trust THƯ_MỤC] [--tsa URL] [--ltv] [--lta] [--offline]
  Ký số tệp PDF bằng thiết bị ký số (PKCS#11). Mã PIN lấy từ biến môi trường VANTHU_PIN, không bao giờ từ tham số.
  --role personal       chữ ký cá nhân (tạo sẵn trường số và ngày nếu chưa có)
  --role organization   chữ ký của cơ quan (điền số, ngày nếu có --number và --date; đúng ngày ban hành, Điều 11.2)
  --tsa URL             thêm dấu thời gian RFC 3161 (PAdES B-T)
  --ltv                 nhúng chuỗi chứng thư và dữ liệu thu hồi (DSS, PAdES B-LT) để nơi nhận kiểm tra không cần mạng
  --lta                 như --ltv, thêm dấu thời gian cho tài liệu (PAdES B-LTA; cần --tsa)
  Tệp ra được ghi trọn vẹn hoặc không ghi gì; mã thoát 0 khi đã ký, 1 khi lỗi, 2 khi dùng sai.`;

/** The top-level usage: every command on one line each, then where to read more. */
export function mainUsage(extra: string[] = []): string {
  return [
    'Cách dùng: vanthu LỆNH [THAM SỐ]',
    '  vanthu verify TỆP.pdf... [--json] [--trust THƯ_MỤC] [--integrity-only] [--offline]   kiểm tra chữ ký số',
    '  vanthu sign --module … --token … --key-label … --in … --out … --role personal|organization   ký số (PIN: VANTHU_PIN)',
    ...extra,
    '  vanthu LỆNH --help   hướng dẫn chi tiết của từng lệnh',
  ].join('\n');
}

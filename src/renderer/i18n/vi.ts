/**
 * Every UI string of Văn thư số, in Vietnamese (house rule 15: UI text lives only here), and the Vietnamese
 * message for every AppErrorCode (house rule 6: the UI never shows a raw `message` from main).
 */
import type { AppErrorCode } from '../../shared/api/result';
import type { FormIssueCode } from '../../shared/domain/incoming-document';
import type { ReceiptRule } from '../../shared/domain/receipt-time';

/** AppErrorCode → the sentence shown to the clerk. */
export const ERROR_MESSAGES: Record<AppErrorCode, string> = {
  VALIDATION: 'Dữ liệu không hợp lệ.',
  UNAUTHORIZED: 'Phiên làm việc không hợp lệ: hãy mở lại ứng dụng.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu đã thay đổi hoặc đã tồn tại; hãy thử lại.',
  TOO_LARGE: 'Tệp quá lớn: tối đa 100 MB.',
  EMPTY_FILE: 'Tệp rỗng (0 byte).',
  NOT_PDF: 'Tệp không phải là PDF hợp lệ.',
  INTEGRITY: 'Dữ liệu lưu trữ bị thay đổi hoặc hỏng (không khớp mã băm).',
  CANCELLED: 'Thao tác đã bị hủy.',
  TOKEN_ABSENT: 'Chưa cắm thiết bị lưu khóa bí mật (USB Token).',
  PIN_INCORRECT: 'Mã PIN không đúng.',
  PIN_LOCKED: 'Thiết bị lưu khóa bí mật đã bị khóa do nhập sai PIN nhiều lần.',
  CERT_EXPIRED: 'Chứng thư số đã hết hạn.',
  CERT_REVOKED: 'Chứng thư số đã bị thu hồi.',
  AXIS_UNREACHABLE: 'Không kết nối được Trục liên thông văn bản.',
  INTERNAL: 'Đã xảy ra lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên.',
};

/** Issue codes of shared/domain/incoming-document.ts (the field's label is put in front: "Trích yếu: …"). */
export const FORM_ISSUE_MESSAGES: Record<FormIssueCode, string> = {
  required: 'không được để trống.',
  'too-long': 'quá dài.',
  'bad-code-notation': 'số, ký hiệu không đúng dạng (ví dụ: 12/QĐ-UBND).',
  'date-in-future': 'không được sau ngày hôm nay.',
  'due-before-document': 'hạn xử lý không được trước ngày văn bản.',
  'bad-date': 'ngày không hợp lệ (nhập dạng dd/MM/yyyy).',
  invalid: 'giá trị không hợp lệ.',
};

/** Receipt rule kinds of shared/domain/receipt-time.ts: why the legal receipt time is what it is (Art. 10.5). */
export const RECEIPT_RULE_MESSAGES: Record<ReceiptRule['kind'], string> = {
  'in-office-hours': 'Văn bản đến trong giờ hành chính: thời điểm nhận là lúc văn bản vào hệ thống (Điều 10.5).',
  'before-hours': 'Văn bản đến trước giờ hành chính: thời điểm nhận tính từ đầu giờ làm việc cùng ngày (Điều 10.5).',
  break: 'Văn bản đến trong giờ nghỉ giữa hai buổi: thời điểm nhận tính từ đầu buổi làm việc tiếp theo (Điều 10.5).',
  'after-hours':
    'Văn bản đến sau giờ hành chính: thời điểm nhận tính từ đầu giờ làm việc của ngày làm việc tiếp theo (Điều 10.5).',
  'day-off': 'Văn bản đến vào ngày nghỉ: thời điểm nhận tính từ đầu giờ làm việc của ngày làm việc tiếp theo (Điều 10.5).',
  'outside-calendar-data':
    'Ngày đến nằm ngoài dữ liệu lịch nghỉ lễ hiện có: chỉ tính nghỉ cuối tuần (Điều 10.5). Hãy cập nhật tệp ngày nghỉ.',
};

/** Domain errors the renderer can meet directly (shared/domain throws DomainError with these codes). */
export const DOMAIN_ERROR_MESSAGES: Record<string, string> = {
  NO_WORKING_DAY: 'Không tính được thời điểm nhận hợp lệ: không có ngày làm việc nào trong 60 ngày tới. Kiểm tra dữ liệu ngày nghỉ trong Cài đặt.',
  INVALID_OFFICE_HOURS: 'Không tính được thời điểm nhận hợp lệ: giờ hành chính trong Cài đặt không hợp lệ.',
};

/** Problems of the office-hours periods (shared/domain/receipt-time.ts validateOfficeHours). */
export const OFFICE_HOURS_MESSAGES = {
  empty: 'Cần ít nhất một buổi làm việc.',
  'bad-format': 'Giờ phải có dạng HH:mm.',
  'end-not-after-start': 'Giờ kết thúc phải sau giờ bắt đầu.',
  'out-of-order': 'Các buổi phải theo thứ tự trong ngày.',
  overlap: 'Các buổi làm việc không được chồng lên nhau.',
} as const;

/** Art. 1.2: documents classified as state secrets are never exchanged electronically. */
export const SECRET_DOCUMENT_MESSAGE =
  'Văn bản mật: được đăng ký vào sổ nhưng không bao giờ được gửi qua hệ thống điện tử (Điều 1.2).';

export const URGENCY_LABELS = { thuong: 'Thường', khan: 'Khẩn', 'thuong-khan': 'Thượng khẩn', 'hoa-toc': 'Hỏa tốc' } as const;
export const CONFIDENTIALITY_LABELS = { thuong: 'Thường', mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' } as const;
export const ROLE_LABELS = { 'van-thu': 'Văn thư', 'lanh-dao': 'Lãnh đạo', 'chuyen-vien': 'Chuyên viên', 'quan-tri': 'Quản trị' } as const;

/** Names of the main views (also the navigation buttons' accessible names). */
export const VIEW_LABELS = {
  inbox: 'Văn bản đến chờ xử lý',
  registration: 'Đăng ký văn bản đến',
  incomingRegister: 'Sổ văn bản đến',
  outgoingRegister: 'Sổ văn bản đi',
  settings: 'Cài đặt',
} as const;

export const vi = {
  appName: 'Văn thư số',
  common: {
    cancel: 'Hủy',
    close: 'Đóng',
    save: 'Lưu',
    loading: 'Đang tải…',
    yes: 'Có',
    no: 'Không',
    none: '—',
    all: 'Tất cả',
  },
  auth: {
    firstRunTitle: 'Tạo tài khoản quản trị',
    firstRunIntro: 'Lần chạy đầu tiên: tạo tài khoản quản trị để cấu hình đơn vị và thêm tài khoản văn thư (Điều 3.7).',
    username: 'Tên đăng nhập',
    fullName: 'Họ và tên',
    password: 'Mật khẩu',
    passwordAgain: 'Nhập lại mật khẩu',
    createAdmin: 'Tạo tài khoản',
    loginTitle: 'Đăng nhập',
    loginButton: 'Đăng nhập',
    wrongPassword: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
    passwordsDiffer: 'Hai lần nhập mật khẩu không khớp.',
    passwordTooShort: 'Mật khẩu phải có ít nhất 8 ký tự.',
    usernameInvalid: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (3–32 ký tự).',
    fullNameRequired: 'Hãy nhập họ và tên.',
    lockedTitle: 'Phiên làm việc đã khóa',
    lockedIntro: (minutes: number) =>
      `Phiên làm việc tự khóa sau ${minutes} phút không thao tác. Nhập lại mật khẩu để tiếp tục.`,
    unlock: 'Mở khóa',
    switchUser: 'Đăng nhập tài khoản khác',
  },
  shell: {
    logout: 'Đăng xuất',
    userLine: (fullName: string, role: string) => `${fullName} (${role})`,
    navLabel: 'Chức năng',
    shortcutsTitle: 'Phím tắt',
    shortcutsHint: 'F1: phím tắt',
    shortcuts: [
      ['Alt+1 … Alt+5', 'Chuyển giữa các màn hình'],
      ['Ctrl+O', 'Chọn tệp PDF (màn hình đăng ký)'],
      ['Ctrl+F', 'Tìm kiếm trong sổ'],
      ['Enter', 'Lưu văn bản đến đang nhập'],
      ['Esc', 'Đóng hộp thoại'],
      ['F1', 'Mở/đóng bảng phím tắt'],
    ] as const,
    noUnit: '(chưa đặt tên đơn vị)',
  },
  inbox: {
    empty: 'Không có văn bản đến nào chờ xử lý.',
    transfer: 'Chuyển lãnh đạo',
    transferred: (n: number) => `Đã chuyển văn bản số đến ${n} cho lãnh đạo.`,
    due: 'Hạn xử lý',
    number: 'Số đến',
    received: 'Thời điểm nhận',
    urgentNote: 'Văn bản Khẩn, Thượng khẩn, Hỏa tốc phải trình lãnh đạo ngay trong ngày (Điều 9.3).',
    leader: 'Lãnh đạo',
  },
  registration: {
    chooseFile: 'Chọn tệp PDF',
    dropHere: 'Kéo thả tệp PDF vào đây, hoặc bấm Ctrl+O để chọn tệp',
    fileRequired: 'Chưa chọn tệp PDF của văn bản.',
    uploading: 'Đang lưu tệp…',
    fileReady: (name: string, pages: number) => `Tệp: ${name} (${pages} trang)`,
    previewLabel: 'Xem trước văn bản',
    previousPage: 'Trang trước',
    nextPage: 'Trang sau',
    pageOf: (page: number, total: number) => `Trang ${page}/${total}`,
    previewFailed: 'Không hiển thị được bản xem trước của tệp này.',
    typeId: 'Loại văn bản',
    codeNotation: 'Số, ký hiệu',
    issuer: 'Cơ quan ban hành',
    documentDate: 'Ngày văn bản',
    abstract: 'Trích yếu',
    urgency: 'Độ khẩn',
    confidentiality: 'Độ mật',
    dueDate: 'Hạn xử lý',
    recipient: 'Đơn vị hoặc người nhận',
    note: 'Ghi chú',
    optional: '(không bắt buộc)',
    datePlaceholder: 'dd/MM/yyyy',
    save: 'Lưu (Enter)',
    saving: 'Đang lưu…',
    registered: (n: number) => `Đã đăng ký. Số đến: ${n}.`,
    receiptAt: (text: string) => `Thời điểm nhận hợp lệ: ${text}`,
    duplicateTitle: 'Văn bản có thể đã được đăng ký',
    duplicateBody: (n: number, year: number, code: string, issuer: string, date: string) =>
      `Số, ký hiệu ${code} của ${issuer} đã có trong sổ: số đến ${n}/${year}, nhận lúc ${date}. Có chắc muốn đăng ký thêm?`,
    registerAnyway: 'Vẫn đăng ký',
    goBack: 'Quay lại',
    dayOffDetail: (reason: string, next: string) => `Ngày đến là ngày nghỉ (${reason}); ngày làm việc tiếp theo: ${next}.`,
    weekend: 'nghỉ cuối tuần',
    noPermission: 'Tài khoản của bạn không có quyền đăng ký văn bản đến.',
  },
  register: {
    search: 'Tìm kiếm',
    searchPlaceholder: 'Số, ký hiệu, cơ quan, trích yếu… (có dấu hoặc không dấu)',
    year: 'Năm',
    urgency: 'Độ khẩn',
    sender: 'Cơ quan ban hành',
    status: 'Trạng thái',
    statusOptions: { all: 'Tất cả', active: 'Còn hiệu lực', cancelled: 'Đã hủy', waiting: 'Chờ xử lý', transferred: 'Đã chuyển' },
    count: (n: number) => `${n.toLocaleString('vi-VN')} văn bản`,
    empty: 'Không có văn bản nào khớp bộ lọc.',
    actions: 'Thao tác',
    view: 'Xem',
    cancel: 'Hủy',
    cancelled: 'Đã hủy',
    cancelledReason: (reason: string) => `Đã hủy: ${reason}`,
    cancelTitle: (n: number) => `Hủy văn bản số đến ${n}`,
    cancelIntro: 'Văn bản bị hủy vẫn giữ số và vẫn hiện trong sổ, được đánh dấu "Đã hủy" (Điều 9.4, 9.5).',
    cancelReason: 'Lý do hủy',
    cancelReasonRequired: 'Hãy nhập lý do hủy.',
    confirmCancel: 'Xác nhận hủy',
    printPdf: 'In sổ (PDF)',
    exportXlsx: 'Xuất Excel',
    reportRunning: 'Đang tạo tệp…',
    reportCancel: 'Hủy',
    reportDone: (name: string) => `Đã tạo ${name}.`,
    filterNote: {
      urgency: (label: string) => `Độ khẩn: ${label}`,
      sender: (name: string) => `Cơ quan ban hành: ${name}`,
      status: (label: string) => `Trạng thái: ${label}`,
      text: (q: string) => `Tìm: "${q}"`,
    },
    previewTitle: (code: string) => `Văn bản ${code}`,
    noOutgoing: 'Chưa có văn bản đi nào được đăng ký.',
  },
  settings: {
    title: 'Cài đặt',
    unitSection: 'Thông tin đơn vị',
    unitName: 'Tên cơ quan, đơn vị',
    unitCode: 'Mã định danh',
    unitCodeHint: 'Theo QCVN 102:2016, ví dụ 000.00.00.H35',
    unitCodeInvalid: 'Mã định danh không đúng dạng (ví dụ 000.00.00.H35).',
    unitCodeTolerant: 'Mã định danh đọc được nhưng không đúng dạng chuẩn; không dùng được để gửi qua trục.',
    officeHours: 'Giờ hành chính',
    periodStart: (i: number) => `Buổi ${i}: bắt đầu`,
    periodEnd: (i: number) => `Buổi ${i}: kết thúc`,
    addPeriod: 'Thêm buổi',
    removePeriod: 'Bỏ buổi',
    holidaysFile: 'Tệp ngày nghỉ lễ',
    holidaysFileHint: 'Tên tệp đặt trong thư mục rules/ của thư mục dữ liệu; để trống để dùng dữ liệu mặc định.',
    rulesInUse: (holidays: string, channels: string) => `Đang dùng: ngày nghỉ từ "${holidays}", kênh gửi từ "${channels}".`,
    lockMinutes: 'Tự khóa sau (phút)',
    dataDir: 'Thư mục dữ liệu',
    dataDirHint: 'Đổi thư mục dữ liệu khi khởi động: tham số --data-dir <thư mục> hoặc biến môi trường VANTHU_DATA_DIR.',
    save: 'Lưu thay đổi',
    saved: 'Đã lưu cài đặt.',
    accountsSection: 'Tài khoản',
    addAccount: 'Thêm tài khoản',
    role: 'Vai trò',
    status: 'Trạng thái',
    active: 'Đang dùng',
    disabled: 'Đã khóa',
    disable: 'Khóa',
    enable: 'Mở khóa',
    accountAdded: (u: string) => `Đã thêm tài khoản ${u}.`,
    accountExists: 'Tên đăng nhập đã tồn tại.',
    journalSection: 'Nhật ký hệ thống',
    verifyJournal: 'Kiểm tra nhật ký',
    journalOk: (n: number) => `Nhật ký toàn vẹn: ${n} mục`,
    journalBroken: (seq: number, reason: string) => `Nhật ký bị sửa đổi: hỏng từ mục số ${seq} (${reason}).`,
    journalReasons: { 'hash-mismatch': 'mã băm không khớp', 'prev-mismatch': 'liên kết với mục trước không khớp', 'seq-gap': 'thiếu mục' },
    noPermission: 'Chỉ quản trị viên được thay đổi cài đặt.',
  },
  jobs: { progress: (label: string, done: number, total: number) => `${label}: ${done}/${total}` },
} as const;

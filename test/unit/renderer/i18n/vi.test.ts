// i18n completeness (house rule 6): every error code, every form issue code and every receipt rule has
// non-empty Vietnamese text; UI strings carry correct diacritics.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../../../src/shared/api/result';
import { FORM_ISSUE_CODES } from '../../../../src/shared/domain/incoming-document';
import type { ReceiptRule } from '../../../../src/shared/domain/receipt-time';
import { ROLES } from '../../../../src/shared/domain/roles';
import { CONFIDENTIALITIES, URGENCIES } from '../../../../src/shared/domain/urgency';
import { errorText, errorTextOf, issueText, receiptRuleText } from '../../../../src/renderer/i18n/messages';
import {
  CONFIDENTIALITY_LABELS,
  ERROR_MESSAGES,
  FORM_ISSUE_MESSAGES,
  RECEIPT_RULE_MESSAGES,
  ROLE_LABELS,
  SECRET_DOCUMENT_MESSAGE,
  URGENCY_LABELS,
  VIEW_LABELS,
} from '../../../../src/renderer/i18n/vi';

// A compile-time complete list of the ReceiptRule kinds: adding a kind to the domain breaks this object.
const RULE_KINDS: Record<ReceiptRule['kind'], true> = {
  'in-office-hours': true,
  'before-hours': true,
  break: true,
  'after-hours': true,
  'day-off': true,
  'outside-calendar-data': true,
};

/** Vietnamese text has diacritics: a combining mark once decomposed, or đ. */
const hasDiacritics = (text: string): boolean => /\p{M}|đ/iu.test(text.normalize('NFD'));

describe('error messages', () => {
  it.each(APP_ERROR_CODES)('%s has a Vietnamese message', (code) => {
    expect(ERROR_MESSAGES[code].trim().length).toBeGreaterThan(5);
    expect(hasDiacritics(ERROR_MESSAGES[code])).toBe(true);
    expect(errorText(code)).toBe(ERROR_MESSAGES[code]);
  });

  it('has the exact file messages the registration screen promises', () => {
    expect(ERROR_MESSAGES.TOO_LARGE).toBe('Tệp quá lớn: tối đa 100 MB.');
    expect(ERROR_MESSAGES.NOT_PDF).toBe('Tệp không phải là PDF hợp lệ.');
    expect(ERROR_MESSAGES.EMPTY_FILE).toBe('Tệp rỗng (0 byte).');
    expect(ERROR_MESSAGES.VALIDATION).toBe('Dữ liệu không hợp lệ.');
  });

  it('never shows the raw developer message of a thrown error', () => {
    expect(errorTextOf({ code: 'FORBIDDEN', message: 'role van-thu lacks account.manage' })).toBe(ERROR_MESSAGES.FORBIDDEN);
    expect(errorTextOf(new Error('boom at line 3'))).toBe(ERROR_MESSAGES.INTERNAL);
    expect(errorTextOf({ code: 'SOMETHING_ELSE' })).toBe(ERROR_MESSAGES.INTERNAL);
    // A domain error met in the renderer (Art. 10.5 calendar data) gets its own sentence.
    expect(errorTextOf({ code: 'NO_WORKING_DAY', message: 'No working day within 60 days' })).toMatch(/ngày làm việc/);
  });
});

describe('form issue messages', () => {
  it.each(FORM_ISSUE_CODES)('%s has a Vietnamese message', (code) => {
    expect(FORM_ISSUE_MESSAGES[code].trim().length).toBeGreaterThan(3);
  });

  it('names the field in front of the problem', () => {
    expect(issueText('Trích yếu', 'required')).toBe('Trích yếu: không được để trống.');
    expect(issueText('Ngày văn bản', 'unknown-code')).toBe(`Ngày văn bản: ${FORM_ISSUE_MESSAGES.invalid}`);
  });
});

describe('receipt rules (Art. 10.5)', () => {
  it.each(Object.keys(RULE_KINDS) as ReceiptRule['kind'][])('%s has a Vietnamese explanation citing Art. 10.5', (kind) => {
    expect(hasDiacritics(RECEIPT_RULE_MESSAGES[kind])).toBe(true);
    expect(RECEIPT_RULE_MESSAGES[kind]).toContain('10.5');
  });

  it('explains a day off with its holiday name and the next working day in dd/MM/yyyy', () => {
    const text = receiptRuleText({ kind: 'day-off', reason: { kind: 'holiday', name: 'Quốc khánh' }, nextWorkingDay: '2026-09-03' });
    expect(text).toContain('Quốc khánh');
    expect(text).toContain('03/09/2026');
    const weekend = receiptRuleText({ kind: 'day-off', reason: { kind: 'weekend' }, nextWorkingDay: '2026-11-23' });
    expect(weekend).toContain('cuối tuần');
    expect(weekend).toContain('23/11/2026');
  });
});

describe('labels', () => {
  it('covers every urgency, confidentiality and role', () => {
    for (const u of URGENCIES) expect(URGENCY_LABELS[u]).toBeTruthy();
    for (const c of CONFIDENTIALITIES) expect(CONFIDENTIALITY_LABELS[c]).toBeTruthy();
    for (const r of ROLES) expect(ROLE_LABELS[r]).toBeTruthy();
    expect(URGENCY_LABELS['hoa-toc']).toBe('Hỏa tốc');
    expect(ROLE_LABELS['van-thu']).toBe('Văn thư');
  });

  it('keeps the navigation names the e2e tests use', () => {
    expect(Object.values(VIEW_LABELS)).toEqual(['Văn bản đến chờ xử lý', 'Đăng ký văn bản đến', 'Sổ văn bản đến', 'Sổ văn bản đi', 'Cài đặt', 'Ký số và phát hành', 'Quét văn bản', 'Liên thông văn bản', 'Thống kê liên thông']);
  });

  it('has the Art. 1.2 secret-document note', () => {
    expect(SECRET_DOCUMENT_MESSAGE).toContain('1.2');
    expect(SECRET_DOCUMENT_MESSAGE).toMatch(/mật/i);
  });
});

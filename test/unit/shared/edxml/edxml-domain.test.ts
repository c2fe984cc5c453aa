// Pure edXML rules (standards.md §0.3–0.4, §1.2, §1.6, §7.1): status codes, BussinessDocType, the configurable
// Priority mapping, wire dates, duplicate keys, limits and rejections.
import { describe, expect, it } from 'vitest';
import { BUSSINESS_DOC_REASONS, BUSSINESS_DOC_TYPE_NAMES, isBussinessDocType, parseBussinessDocType } from '../../../../src/shared/domain/edxml/bussiness-doc-type';
import { dedupKeys, normalizedCode } from '../../../../src/shared/domain/edxml/dedup-keys';
import { edxmlLocalTimestamp, formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from '../../../../src/shared/domain/edxml/edxml-dates';
import { DEFAULT_EDXML_LIMITS, resolveLimits } from '../../../../src/shared/domain/edxml/limits';
import { DEFAULT_PRIORITY_MAPPING, isValidPriorityMapping, priorityFromUrgency, urgencyFromPriority } from '../../../../src/shared/domain/edxml/priority';
import { canAnswerRejection, type PackageRejection } from '../../../../src/shared/domain/edxml/rejection';
import { isStatusCode, normalizeStatusCode, STATUS_CODES, statusCodeInfo } from '../../../../src/shared/domain/edxml/status-codes';

describe('status codes (standards.md §1.6)', () => {
  it('knows exactly the nine codes of the SDK samples, and who sends each', () => {
    expect(STATUS_CODES).toEqual(['01', '02', '03', '04', '05', '06', '13', '15', '16']);
    expect(STATUS_CODES.filter((c) => statusCodeInfo(c)?.sentBy === 'sender')).toEqual(['13']);
    // §1.8 "Status reasons": our clerk must give a reason for 02, 13 and 16.
    expect(STATUS_CODES.filter((c) => statusCodeInfo(c)?.reasonRequired)).toEqual(['02', '13', '16']);
    expect(statusCodeInfo('03')?.meaning).toBe('Tiếp nhận văn bản điện tử, vào sổ văn bản đến');
    for (const unknown of ['07', '12', '14', '3', '003', '']) expect(isStatusCode(unknown)).toBe(false);
  });

  it('normalises relayed codes: trims and pads one digit, refuses non-digits', () => {
    expect(normalizeStatusCode(' 3 ')).toBe('03');
    expect(normalizeStatusCode('16')).toBe('16');
    expect(normalizeStatusCode('09')).toBe('09');
    expect(normalizeStatusCode('abc')).toBeNull();
    expect(normalizeStatusCode('123')).toBeNull();
  });
});

describe('BussinessDocType (standards.md §0.4, §1.3)', () => {
  it('0 new, 1 revoke, 2 update, 3 replace; anything else is not a type', () => {
    expect([0, 1, 2, 3].map((t) => BUSSINESS_DOC_TYPE_NAMES[t as 0])).toEqual(['new', 'revoke', 'update', 'replace']);
    expect(BUSSINESS_DOC_REASONS[1]).toBe('Thu hồi văn bản điện tử');
    expect(['0', ' 1 ', '2', '3'].map(parseBussinessDocType)).toEqual([0, 1, 2, 3]);
    for (const bad of ['4', '-1', '1.0', '', 'x']) expect(parseBussinessDocType(bad)).toBeNull();
    expect(isBussinessDocType(4)).toBe(false);
  });
});

describe('Priority ↔ độ khẩn (configurable, standards.md §1.2 item 1.11.1, §7.1)', () => {
  it('maps 0..3 by default both ways', () => {
    expect([0, 1, 2, 3].map((p) => urgencyFromPriority(p))).toEqual(['thuong', 'khan', 'thuong-khan', 'hoa-toc']);
    expect(priorityFromUrgency('hoa-toc')).toBe(3);
    expect(urgencyFromPriority(7)).toBeNull();
    expect(urgencyFromPriority(null)).toBeNull();
  });

  it('follows another mapping when the axis documents one', () => {
    const axis = { thuong: 1, khan: 2, 'thuong-khan': 3, 'hoa-toc': 4 };
    expect(isValidPriorityMapping(axis)).toBe(true);
    expect(urgencyFromPriority(1, axis)).toBe('thuong');
    expect(priorityFromUrgency('khan', axis)).toBe(2);
    expect(isValidPriorityMapping({ ...DEFAULT_PRIORITY_MAPPING, khan: 0 })).toBe(false);
    expect(isValidPriorityMapping({ thuong: 0 })).toBe(false);
  });
});

describe('wire dates (standards.md §1.2, §1.8)', () => {
  it('reads yyyy/MM/dd, yyyy-MM-dd and dd/MM/yyyy; refuses impossible dates', () => {
    expect(parseEdxmlDate('2026/01/05')).toBe('2026-01-05');
    expect(parseEdxmlDate('2026-1-5')).toBe('2026-01-05');
    expect(parseEdxmlDate('05/01/2026')).toBe('2026-01-05');
    expect(parseEdxmlDate(' 2024/02/29 ')).toBe('2024-02-29');
    for (const bad of ['2026/02/30', '2026/13/01', '', 'hôm nay', '2026.01.05']) expect(parseEdxmlDate(bad)).toBeNull();
  });

  it('reads timestamps with or without seconds; writes the slash form', () => {
    expect(parseEdxmlTimestamp('2026/01/05 09:30:00')).toBe('2026-01-05T09:30:00');
    expect(parseEdxmlTimestamp('2026-01-05T09:30')).toBe('2026-01-05T09:30:00');
    expect(parseEdxmlTimestamp('2026/01/05')).toBe('2026-01-05T00:00:00');
    expect(parseEdxmlTimestamp('2026/01/05 24:00:00')).toBeNull();
    expect(formatEdxmlDate('2026-01-05')).toBe('2026/01/05');
    expect(formatEdxmlTimestamp('2026-01-05T09:30:00')).toBe('2026/01/05 09:30:00');
    expect(() => formatEdxmlDate('2026-02-30')).toThrow(RangeError);
    // Vietnam local time, whatever the machine's zone (UTC+07:00).
    expect(edxmlLocalTimestamp(new Date('2026-01-04T23:15:00Z'))).toBe('2026-01-05T06:15:00');
  });
});

describe('duplicate keys (standards.md §7.3)', () => {
  const header = {
    documentId: ' 000.00.00.H35,2026/01/05,12/UBND-VP ',
    from: { organId: '000.00.00.h35' },
    code: { codeNumber: '012', codeNotation: 'ubnd-vp' },
    promulgationInfo: { place: 'Lai Châu', date: '2026-01-05' },
  };

  it('gives DocumentId, (OrganId, số/ký hiệu, date) and the file hashes, normalised', () => {
    const keys = dedupKeys(header, [{ sha256: 'B'.repeat(64) }, { sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }]);
    expect(keys.documentId).toBe('doc:000.00.00.H35,2026/01/05,12/UBND-VP');
    expect(keys.organCodeDate).toBe('code:000.00.00.H35|12/UBND-VP|2026-01-05');
    expect(keys.attachments).toEqual([`file:${'a'.repeat(64)}`, `file:${'b'.repeat(64)}`]);
    expect(keys.all).toHaveLength(4);
  });

  it('the same document under another DocumentId (a UUID) still meets on the other keys', () => {
    const a = dedupKeys(header, [{ sha256: 'c'.repeat(64) }]);
    const b = dedupKeys({ ...header, documentId: 'b1f0a7e2-5c1d-4f7e-9a55-0d2c3e4f5a6b', code: { codeNumber: '12', codeNotation: 'UBND-VP' } }, [{ sha256: 'd'.repeat(64) }]);
    expect(a.all.filter((k) => b.all.includes(k))).toEqual(['code:000.00.00.H35|12/UBND-VP|2026-01-05']);
  });

  it('leaves out keys it cannot form', () => {
    const keys = dedupKeys({ ...header, documentId: '', promulgationInfo: { place: '', date: null } }, []);
    expect(keys).toEqual({ documentId: null, organCodeDate: null, attachments: [], all: [] });
    expect(normalizedCode({ codeNumber: '', codeNotation: 'X' })).toBeNull();
  });
});

describe('limits and rejections', () => {
  it('resolves overrides over the defaults, ignoring nonsense', () => {
    expect(resolveLimits({ maxDepth: 10, maxElements: -1, maxTextChars: 1.5 })).toEqual({ ...DEFAULT_EDXML_LIMITS, maxDepth: 10 });
    expect(DEFAULT_EDXML_LIMITS.maxAttachmentBytes).toBe(100 * 1024 * 1024);
  });

  it('a status 02 can answer a rejected document only when its sender is known', () => {
    const base: PackageRejection = { kind: 'rejected', code: 'BAD_BASE64', reason: 'x', sender: { organId: '000.00.00.H35' }, responseFor: null, packageKind: 'edoc' };
    expect(canAnswerRejection(base)).toBe(true);
    expect(canAnswerRejection({ ...base, sender: null })).toBe(false);
    expect(canAnswerRejection({ ...base, packageKind: 'status' })).toBe(false);
  });
});

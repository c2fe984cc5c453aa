import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_IDS,
  DocumentTypeIdSchema,
  documentTypeByAbbreviation,
  documentTypeById,
  documentTypeByName,
  isDocumentTypeId,
} from '../../../src/shared/domain/document-types';
import {
  CONFIDENTIALITIES,
  ConfidentialitySchema,
  URGENCIES,
  UrgencySchema,
  checkElectronicSending,
  compareUrgencyDesc,
  isSecret,
  isUrgent,
  urgencyRank,
  type Confidentiality,
  type Urgency,
} from '../../../src/shared/domain/urgency';

describe('document types (NĐ 30 Art. 7, Phụ lục III)', () => {
  it('has the 29 administrative types in Art. 7 order and the three copy kinds', () => {
    const administrative = DOCUMENT_TYPES.filter((t) => t.kind === 'administrative');
    expect(administrative).toHaveLength(29);
    expect(administrative.map((t) => t.order)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(DOCUMENT_TYPES.filter((t) => t.kind === 'copy').map((t) => t.abbreviation)).toEqual(['SY', 'TrS', 'SL']);
    expect(DOCUMENT_TYPES.map((t) => t.id)).toEqual([...DOCUMENT_TYPE_IDS]);
    expect(new Set(DOCUMENT_TYPES.map((t) => t.abbreviation ?? t.id)).size).toBe(DOCUMENT_TYPES.length);
  });

  it.each([
    ['nghi-quyet', 'Nghị quyết', 'NQ', 1],
    ['quyet-dinh', 'Quyết định', 'QĐ', 2],
    ['quy-dinh', 'Quy định', 'QyĐ', 5],
    ['chuong-trinh', 'Chương trình', 'CTr', 9],
    ['to-trinh', 'Tờ trình', 'TTr', 16],
    ['cong-van', 'Công văn', null, 18],
    ['cong-dien', 'Công điện', 'CĐ', 19],
    ['thu-cong', 'Thư công', null, 29],
    ['ban-trich-sao', 'Bản trích sao', 'TrS', 31],
  ])('%s is %s (%s), position %i', (id, name, abbreviation, order) => {
    expect(documentTypeById(id)).toMatchObject({ id, name, abbreviation, order });
  });

  it('only Công văn and Thư công lack an abbreviation (standards.md §4.1)', () => {
    expect(DOCUMENT_TYPES.filter((t) => t.abbreviation === null).map((t) => t.id)).toEqual(['cong-van', 'thu-cong']);
  });

  it.each([
    ['Quyết định', 'quyet-dinh'],
    ['QUYẾT ĐỊNH', 'quyet-dinh'],
    ['quyet dinh', 'quyet-dinh'],
    ['Quyết định (cá biệt)', 'quyet-dinh'],
    ['  Công   văn ', 'cong-van'],
    ['Bản thoả thuận', 'ban-thoa-thuan'],
    ['Giấy uỷ quyền', 'giay-uy-quyen'],
    ['Sao y', 'ban-sao-y'],
    ['Bản sao lục', 'ban-sao-luc'],
  ])('documentTypeByName(%j) → %s', (name, id) => {
    expect(documentTypeByName(name)?.id).toBe(id);
  });

  it.each([[''], ['Luật'], ['Thông tư'], ['Quyết']])('documentTypeByName(%j) finds nothing', (name) => {
    expect(documentTypeByName(name)).toBeUndefined();
  });

  it.each([
    ['QĐ', 'quyet-dinh'],
    ['QyĐ', 'quy-dinh'],
    ['qđ', 'quyet-dinh'],
    ['QD', 'quyet-dinh'],
    ['HD', 'huong-dan'], // exact match wins over HĐ (Hợp đồng)
    ['HĐ', 'hop-dong'],
    ['DA', 'du-an'],
    ['ĐA', 'de-an'],
    ['CT', 'chi-thi'],
    ['CTr', 'chuong-trinh'],
    ['TTr', 'to-trinh'],
    ['SY', 'ban-sao-y'],
    ['Q\u00D0', 'quyet-dinh'], // Icelandic eth
    ['hd', 'huong-dan'], // case-insensitive before diacritic-free: 'hd' is the lower case of HD, not of HĐ
    ['qyd', 'quy-dinh'], // diacritic-free, unambiguous
  ])('documentTypeByAbbreviation(%j) → %s', (abbr, id) => {
    expect(documentTypeByAbbreviation(abbr)?.id).toBe(id);
  });

  it.each([[''], ['  '], ['UBND'], ['XYZ'], ['Q Đ']])('documentTypeByAbbreviation(%j) is unknown', (abbr) => {
    expect(documentTypeByAbbreviation(abbr)).toBeUndefined();
  });

  it('validates ids with zod', () => {
    expect(DocumentTypeIdSchema.safeParse('cong-van').success).toBe(true);
    expect(DocumentTypeIdSchema.safeParse('Công văn').success).toBe(false);
    expect(isDocumentTypeId('ban-sao-y')).toBe(true);
    expect(isDocumentTypeId('luat')).toBe(false);
    expect(isDocumentTypeId(7)).toBe(false);
  });
});

describe('urgency and secrecy (Phụ lục I III.2; Quy chế Art. 1.2, 9.3)', () => {
  it.each<[Urgency, number, boolean]>([
    ['thuong', 0, false],
    ['khan', 1, true],
    ['thuong-khan', 2, true],
    ['hoa-toc', 3, true],
  ])('%s has rank %i, urgent %s', (u, rank, urgent) => {
    expect(urgencyRank(u)).toBe(rank);
    expect(isUrgent(u)).toBe(urgent);
  });

  it('sorts most urgent first and rejects unknown levels', () => {
    expect([...URGENCIES].sort(compareUrgencyDesc)).toEqual(['hoa-toc', 'thuong-khan', 'khan', 'thuong']);
    expect(() => urgencyRank('gap' as Urgency)).toThrow(RangeError);
    expect(UrgencySchema.safeParse('hoa-toc').success).toBe(true);
    expect(UrgencySchema.safeParse('Hỏa tốc').success).toBe(false);
  });

  it.each<[Confidentiality, boolean]>([
    ['thuong', false],
    ['mat', true],
    ['toi-mat', true],
    ['tuyet-mat', true],
  ])('%s secret: %s; electronic sending allowed: %s', (c, secret) => {
    expect(isSecret(c)).toBe(secret);
    expect(checkElectronicSending({ confidentiality: c })).toEqual(
      secret ? { allowed: false, reason: 'SECRET_DOCUMENT' } : { allowed: true },
    );
  });

  it('refuses electronic sending when the mark is missing or unknown (fails closed)', () => {
    expect(checkElectronicSending({ confidentiality: 'bi-mat' as Confidentiality })).toEqual({ allowed: false, reason: 'SECRET_DOCUMENT' });
    expect(checkElectronicSending({} as { confidentiality: Confidentiality })).toEqual({ allowed: false, reason: 'SECRET_DOCUMENT' });
    expect(() => isSecret('bi-mat' as Confidentiality)).toThrow(RangeError);
    expect(CONFIDENTIALITIES).toEqual(['thuong', 'mat', 'toi-mat', 'tuyet-mat']);
    expect(ConfidentialitySchema.safeParse('mat').success).toBe(true);
  });
});

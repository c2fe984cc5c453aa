import { describe, expect, it } from 'vitest';
import { LAI_CHAU_CODE, checkAgencyCode, isEmittableAgencyCode, levelOneCode } from '../../../src/shared/domain/identifier-code';
import {
  ChannelRulesSchema,
  deliveryChannelOf,
  validateChannelRules,
  type ChannelRules,
} from '../../../src/shared/domain/delivery-channel';
import { ACTIONS, ROLES, RoleSchema, actionsOf, can, type Action, type Role } from '../../../src/shared/domain/roles';
import { DOCUMENT_TYPE_IDS } from '../../../src/shared/domain/document-types';
import { DomainError, isDomainError } from '../../../src/shared/domain/domain-error';
import defaultChannels from '../../../assets/rules/delivery-channels.json';

describe('agency identifier codes (standards.md §3; QĐ 28/2018 Art. 10.2a)', () => {
  it.each([
    ['000.00.00.H35', 'strict'],
    ['000.00.00.G22', 'strict'],
    ['000.46.24.H44', 'strict'],
    ['002.00.20.H13', 'strict'], // hierarchy not enforced: a level-4 unit under an empty level 3
    [' 000.00.00.H35 ', 'strict'],
    ['001.00.20.JB2', 'tolerant'],
    ['001.00.20.TT2', 'tolerant'],
    ['A01.00.00.H35', 'tolerant'],
    ['vxp.saas.03', 'invalid'],
    ['01.02.G22', 'invalid'],
    ['28.22.H17', 'invalid'],
    ['H37.DN.001', 'invalid'],
    ['000.00.00.h35', 'invalid'],
    ['000.00.00.135', 'invalid'],
    ['000-00-00-H35', 'invalid'],
    ['000.00.00.H355', 'invalid'],
    ['', 'invalid'],
  ])('%j is %s', (code, level) => {
    expect(checkAgencyCode(code)).toEqual({ level });
  });

  it('emits only strict codes, exactly as written', () => {
    expect(LAI_CHAU_CODE).toBe('000.00.00.H35');
    expect(isEmittableAgencyCode(LAI_CHAU_CODE)).toBe(true);
    expect(isEmittableAgencyCode('001.00.20.JB2')).toBe(false);
    expect(isEmittableAgencyCode(' 000.00.00.H35')).toBe(false);
    expect(isEmittableAgencyCode(undefined as unknown as string)).toBe(false);
    expect(checkAgencyCode(null as unknown as string)).toEqual({ level: 'invalid' });
  });

  it('reads the level-1 group', () => {
    expect(levelOneCode('000.00.00.H35')).toBe('H35');
    expect(levelOneCode('001.00.20.JB2')).toBe('JB2');
    expect(levelOneCode('H37.DN.001')).toBeNull();
  });
});

describe('delivery channels (Quy chế Art. 8.2 / 8.3)', () => {
  const rules = ChannelRulesSchema.parse(defaultChannels);

  it('default data is valid and lists Art. 8.2 and 8.3 as written', () => {
    expect(validateChannelRules(rules)).toEqual([]);
    expect(rules.electronicOnly).toHaveLength(23);
    expect(rules.electronicAndPaper).toEqual(['bien-ban', 'hop-dong', 'ban-ghi-nho', 'ban-thoa-thuan', 'giay-gioi-thieu', 'giay-nghi-phep']);
    // Every one of the 29 Art. 7 types is on exactly one list; only the copies are unlisted.
    const listed = new Set([...rules.electronicOnly, ...rules.electronicAndPaper]);
    expect(DOCUMENT_TYPE_IDS.filter((id) => !listed.has(id))).toEqual(['ban-sao-y', 'ban-trich-sao', 'ban-sao-luc']);
  });

  it.each([
    ['quyet-dinh', 'electronic-only'],
    ['cong-van', 'electronic-only'],
    ['to-trinh', 'electronic-only'],
    ['thu-cong', 'electronic-only'],
    ['bien-ban', 'electronic-and-paper'],
    ['hop-dong', 'electronic-and-paper'],
    ['giay-gioi-thieu', 'electronic-and-paper'],
    ['ban-sao-y', 'electronic-and-paper'], // not listed: the safe side
    ['luat', 'electronic-and-paper'], // unknown type: the safe side
  ])('%s → %s', (typeId, channel) => {
    expect(deliveryChannelOf(typeId, rules)).toBe(channel);
  });

  it('treats a type on both lists as paper too, and reports it', () => {
    const broken: ChannelRules = { electronicOnly: ['bao-cao', 'bao-cao'], electronicAndPaper: ['bao-cao'] };
    expect(deliveryChannelOf('bao-cao', broken)).toBe('electronic-and-paper');
    expect(validateChannelRules(broken)).toEqual([
      { code: 'duplicate', typeId: 'bao-cao' },
      { code: 'in-both-lists', typeId: 'bao-cao' },
    ]);
  });

  it.each([
    ['unknown id', { electronicOnly: ['luat'], electronicAndPaper: [] }],
    ['missing list', { electronicOnly: [] }],
    ['extra key', { electronicOnly: [], electronicAndPaper: [], paperOnly: [] }],
    ['not an array', { electronicOnly: 'cong-van', electronicAndPaper: [] }],
  ])('schema rejects %s', (_label, data) => {
    expect(ChannelRulesSchema.safeParse(data).success).toBe(false);
  });
});

describe('roles (Quy chế Art. 3.7)', () => {
  const table: Record<Role, Action[]> = {
    'van-thu': ['document.register', 'entry.cancel', 'register.print', 'register.export', 'document.view'],
    'lanh-dao': ['register.print', 'register.export', 'document.view'],
    'chuyen-vien': ['document.view'],
    'quan-tri': ['register.print', 'register.export', 'settings.edit', 'account.manage', 'journal.verify', 'document.view'],
  };

  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action, table[role].includes(action)] as const));
  it.each(cases)('%s may %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it('lists actions per role and refuses unknown roles', () => {
    expect(actionsOf('chuyen-vien')).toEqual(['document.view']);
    expect(can('khach' as Role, 'document.view')).toBe(false);
    expect(can('toString' as Role, 'document.view')).toBe(false);
    expect(can('van-thu', 'hack' as Action)).toBe(false);
    expect(RoleSchema.safeParse('van-thu').success).toBe(true);
    expect(RoleSchema.safeParse('admin').success).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries a stable code and details', () => {
    const e = new DomainError('NO_WORKING_DAY', 'Không có ngày làm việc.', { isoDate: '2026-01-01' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.details).toEqual({ isoDate: '2026-01-01' });
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, 'NO_WORKING_DAY')).toBe(true);
    expect(isDomainError(e, 'ALREADY_CANCELLED')).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});

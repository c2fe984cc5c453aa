/** Small helpers for the data-layer tests: a fresh database, a validated form, a fake auth API. */
import { createClient, type ApiClient } from '../../../../src/shared/api/client';
import type { Channel, Transport } from '../../../../src/shared/api/contract';
import { fail, ok, type Result } from '../../../../src/shared/api/result';
import { validateIncomingForm, type IncomingDocumentInput, type IncomingDocumentValue } from '../../../../src/shared/domain/incoming-document';
import { fromLocal } from '../../../../src/shared/util/time';
import { createDb, type AppDB } from '../../../../src/renderer/db/db';
import type { IncomingRegistration } from '../../../../src/renderer/db/registration';

let dbCounter = 0;

/** A database no other test uses. */
export function freshDb(): AppDB {
  dbCounter += 1;
  return createDb(`test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

/** The value validateIncomingForm gives for a typical Công văn, with overrides. */
export function form(overrides: Partial<IncomingDocumentInput> = {}): IncomingDocumentValue {
  const result = validateIncomingForm(
    {
      typeId: 'cong-van',
      codeNotation: '125/UBND-VP',
      issuer: 'UBND tỉnh Lai Châu',
      documentDate: '2026-01-05',
      abstract: 'Về việc triển khai văn bản điện tử',
      urgency: 'thuong',
      confidentiality: 'thuong',
      ...overrides,
    },
    { today: '2026-12-31' },
  );
  if (!result.ok) throw new Error(`test form invalid: ${JSON.stringify(result.issues)}`);
  return result.value;
}

let idCounter = 0;
/** Deterministic ids for documents. */
export function newId(): string {
  idCounter += 1;
  return `doc-${idCounter}`;
}

export const SHA = 'ab'.repeat(32);

/** A registration arriving at `when` (Vietnam local 'yyyy-MM-dd HH:mm'), received at once. */
export function registration(overrides: Partial<IncomingRegistration> = {}, when = '2026-01-06 09:00'): IncomingRegistration {
  const [date = '', time = '00:00'] = when.split(' ');
  const arrivedAt = fromLocal(date, time);
  return {
    form: form(),
    file: { sha256: SHA, size: 1234 },
    arrivedAt,
    receipt: { legal: arrivedAt, rule: { kind: 'in-office-hours' } },
    actor: 'vanthu',
    confirmDuplicate: false,
    newId,
    ...overrides,
  };
}

interface NodeCrypto {
  scryptSync(password: string, salt: Uint8Array, keylen: number): Uint8Array;
  randomBytes(size: number): Uint8Array;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

// tsconfig.web.json (which also checks these tests) carries no Node typings, so node:crypto is loaded by a
// specifier TypeScript does not resolve and typed locally. Tests run in Node, renderer source never does this.
const NODE_CRYPTO = 'node:crypto';
const nodeCrypto = (await import(/* @vite-ignore */ NODE_CRYPTO)) as NodeCrypto;

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string): Uint8Array => new Uint8Array((s.match(/../g) ?? []).map((h) => parseInt(h, 16)));

/** An ApiClient answering auth.hashPassword / auth.verifyPassword with scrypt, like main does; records the channels called. */
export function fakeAuthApi(): { api: ApiClient; calls: Channel[] } {
  const calls: Channel[] = [];
  const transport: Transport = {
    invoke: async (channel, request): Promise<Result<unknown>> => {
      calls.push(channel);
      const req = request as { password: string; hash?: string };
      if (channel === 'auth.hashPassword') {
        const salt = nodeCrypto.randomBytes(16);
        return ok({ hash: `scrypt$${hex(salt)}$${hex(nodeCrypto.scryptSync(req.password, salt, 32))}` });
      }
      if (channel === 'auth.verifyPassword') {
        const [scheme, salt, digest] = (req.hash ?? '').split('$');
        if (scheme !== 'scrypt' || !salt || !digest) return fail('VALIDATION', 'malformed hash');
        const actual = nodeCrypto.scryptSync(req.password, unhex(salt), 32);
        return ok({ match: nodeCrypto.timingSafeEqual(actual, unhex(digest)) });
      }
      return fail('INTERNAL', `fake api: ${channel} not implemented`);
    },
    on: () => () => {},
  };
  return { api: createClient(transport), calls };
}

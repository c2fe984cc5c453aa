// A small ApiClient stand-in for renderer tests: a handler per channel, everything else INTERNAL. Password
// hashing is a salted SHA-256 (@noble/hashes) — enough to tell right from wrong passwords in a unit test.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ApiClient } from '../../../../src/shared/api/client';
import type { Channel, Req, Res } from '../../../../src/shared/api/contract';
import type { EventName, EventPayloads } from '../../../../src/shared/api/events';
import type { Result } from '../../../../src/shared/api/result';
import type { Settings } from '../../../../src/shared/api/schemas';

export type Handlers = { [C in Channel]?: (req: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>> };

export const TEST_SETTINGS: Settings = {
  unitName: 'Văn phòng UBND tỉnh Lai Châu',
  unitCode: '000.00.00.H35',
  officeHours: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  holidaysFile: null,
  lockAfterMinutes: 15,
};

function fakeHash(password: string): string {
  return `fake$${bytesToHex(sha256(utf8ToBytes(`salt:${password}`)))}`;
}

export interface FakeApi extends ApiClient {
  calls: { channel: Channel; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

/** Builds the fake; `handlers` override the defaults (settings, rules, password hashing). */
export function createFakeApi(handlers: Handlers = {}): FakeApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const defaults: Handlers = {
    'settings.get': () => ({ ok: true, value: TEST_SETTINGS }),
    'rules.get': () => ({
      ok: true,
      value: {
        holidays: { years: { from: 2024, to: 2030 }, weekendDays: [0, 6], solar: [], lunar: [], extraDaysOff: [], makeUpWorkdays: [] },
        channels: { electronicOnly: [], electronicAndPaper: [] },
        sources: { holidays: 'default', channels: 'default' },
      },
    }),
    'auth.hashPassword': (req) => ({ ok: true, value: { hash: fakeHash(req.password) } }),
    'auth.verifyPassword': (req) => ({ ok: true, value: { match: fakeHash(req.password) === req.hash } }),
  };
  const all = { ...defaults, ...handlers } as Record<string, ((req: unknown) => unknown) | undefined>;
  const api: FakeApi = {
    calls: [],
    async invoke(channel, request) {
      api.calls.push({ channel, request });
      const handler = all[channel];
      if (handler === undefined) return { ok: false, error: { code: 'INTERNAL', message: `no fake for ${channel}` } };
      return (await handler(request)) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
  return api;
}

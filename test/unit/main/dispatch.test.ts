// The one dispatch both transports use (house rules 5, 6): unknown channel, schema check, AppFailure, and
// anything else as INTERNAL, logged under [host] with its stack.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/api/contract';
import { AppFailure } from '../../../src/shared/api/result';
import { dispatch } from '../../../src/main/host/dispatch';
import { createHandlers, decodeBase64, type CallContext, type Handlers } from '../../../src/main/host/handlers';
import type { Services } from '../../../src/main/host/compose';

const ctx: CallContext = { transport: 'web' };

/** A handler map where every channel throws unless replaced: only the one under test runs. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unexpected = async (): Promise<never> => {
    throw new Error('handler should not run');
  };
  const base = Object.fromEntries(CHANNELS.map((c) => [c, unexpected])) as unknown as Handlers;
  return { ...base, ...overrides };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dispatch', () => {
  it('runs the handler with the parsed request and wraps the value', async () => {
    const handlers = handlersWith({ 'files.stat': async (req) => ({ sha256: req.sha256, exists: false, size: 0 }) });
    const sha = 'a'.repeat(64);
    expect(await dispatch(handlers, 'files.stat', { sha256: sha }, ctx)).toEqual({ ok: true, value: { sha256: sha, exists: false, size: 0 } });
  });

  it.each([['no.such'], ['__proto__'], ['constructor'], [42], [undefined]])('answers NOT_FOUND for the unknown channel %s', async (channel) => {
    const result = await dispatch(handlersWith({}), channel, {}, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
  });

  it('answers VALIDATION with the schema issues and never calls the handler', async () => {
    const handler = vi.fn(async () => ({ sha256: 'x', exists: false, size: 0 }));
    const result = await dispatch(handlersWith({ 'files.stat': handler }), 'files.stat', { sha256: '../../etc/passwd', extra: 1 }, ctx);
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const issues = result.error.details?.issues as { path: string[] }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['sha256']));
  });

  it('does not echo a password back in the VALIDATION details', async () => {
    const result = await dispatch(handlersWith({}), 'auth.hashPassword', { password: 'short' }, ctx);
    expect(!result.ok && result.error.code).toBe('VALIDATION');
    expect(JSON.stringify(result)).not.toContain('"short"');
  });

  it('passes the code, message and details of an AppFailure', async () => {
    const handlers = handlersWith({
      'jobs.cancel': async () => {
        throw new AppFailure('NOT_FOUND', 'Không có công việc này.', { jobId: 'job-12345678' });
      },
    });
    expect(await dispatch(handlers, 'jobs.cancel', { jobId: 'job-12345678' }, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Không có công việc này.', details: { jobId: 'job-12345678' } },
    });
  });

  it('turns any other error into INTERNAL and logs it with its stack under [host]', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = handlersWith({
      'app.info': async () => {
        throw new TypeError('secret internals at /home/x');
      },
    });
    const result = await dispatch(handlers, 'app.info', {}, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('secret internals');
    expect(logged).toHaveBeenCalledWith('[host]', expect.stringContaining('app.info'), expect.stringContaining('TypeError: secret internals'));
  });
});

describe('handlers', () => {
  it('jobs.cancel answers NOT_FOUND when no such job runs', async () => {
    const services = { jobs: { cancel: () => false } } as unknown as Services;
    const result = await dispatch(createHandlers(services), 'jobs.cancel', { jobId: 'job-12345678' }, ctx);
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
  });

  it.each([['QUJD'], ['']])('decodeBase64 accepts canonical base64 %s', (text) => {
    expect(decodeBase64(text).toString('base64')).toBe(text);
  });

  it.each([['QUJ'], ['QU JD'], ['QUJD!==='], ['@@@@']])('decodeBase64 refuses %s with VALIDATION', (text) => {
    expect(() => decodeBase64(text)).toThrow(AppFailure);
  });
});

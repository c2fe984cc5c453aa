// The RFC 3161 client's guards without a network (issue 3, B-T): the tsaUrl setting is checked like every
// external address, answers are size-bounded, and every failure is TSA_UNAVAILABLE in Vietnamese.
import { describe, expect, it } from 'vitest';
import * as pkijs from 'pkijs';
import { failureOf } from '../../support/failure-of';
import { DEFAULT_SETTINGS, settingsProblems } from '../../../src/main/storage/settings-store';
import { MAX_TSA_RESPONSE_BYTES, requestTimestamp } from '../../../src/main/signing/tsa/tsa-client';
import { readBounded } from '../../../src/main/signing/tsa/bounded-fetch';

describe('tsaUrl setting', () => {
  it('accepts http/https addresses and absence (B-B)', () => {
    expect(settingsProblems({ ...DEFAULT_SETTINGS, tsaUrl: 'http://tsa.ca.gov.vn' })).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, tsaUrl: null })).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS })).toEqual([]);
  });

  it.each(['ftp://tsa.example', 'file:///tmp/x', 'http://user:pw@tsa.example', 'không phải địa chỉ'])('refuses %s with a Vietnamese reason', (url) => {
    const problems = settingsProblems({ ...DEFAULT_SETTINGS, tsaUrl: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('tsaUrl');
    expect(problems[0]?.message).toContain('máy chủ dấu thời gian');
  });
});

describe('requestTimestamp', () => {
  it('sends a TimeStampReq (SHA-256 imprint, nonce, certReq) as application/timestamp-query', async () => {
    let sent: pkijs.TimeStampReq | null = null;
    let contentType = '';
    const fetcher = (async (_url: unknown, init?: RequestInit) => {
      contentType = new Headers(init?.headers).get('content-type') ?? '';
      sent = pkijs.TimeStampReq.fromBER(new Uint8Array(init?.body as Buffer));
      return new Response(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x02]), { status: 200 });
    }) as typeof fetch;
    const err = await failureOf(requestTimestamp(new Uint8Array([1, 2, 3]), { url: 'http://127.0.0.1:9/tsa', fetcher }));
    expect(contentType).toBe('application/timestamp-query');
    const req = sent as pkijs.TimeStampReq | null;
    expect(req?.certReq).toBe(true);
    expect(req?.nonce).toBeDefined();
    expect(req?.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(Buffer.from(req?.messageImprint.hashedMessage.valueBlock.valueHexView ?? []).toString('hex'))
      .toBe('039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81');
    // The answer above (SEQUENCE { INTEGER 2 }) carries no token: refused.
    expect(err.code).toBe('TSA_UNAVAILABLE');
  });

  it('HTTP errors and network errors become TSA_UNAVAILABLE', async () => {
    const http500 = (async () => new Response('x', { status: 500 })) as typeof fetch;
    expect((await failureOf(requestTimestamp(new Uint8Array(1), { url: 'https://tsa.example/', fetcher: http500 }))).message).toContain('HTTP 500');
    const refused = (async () => { throw new TypeError('fetch failed'); }) as typeof fetch;
    const err = await failureOf(requestTimestamp(new Uint8Array(1), { url: 'https://tsa.example/', fetcher: refused }));
    expect(err.code).toBe('TSA_UNAVAILABLE');
    expect(err.message).toContain('Không kết nối được máy chủ dấu thời gian tsa.example');
  });

  it('an answer larger than the bound is refused without reading it all', async () => {
    const huge = (async () => new Response(new Uint8Array(MAX_TSA_RESPONSE_BYTES + 1), { status: 200 })) as typeof fetch;
    const err = await failureOf(requestTimestamp(new Uint8Array(1), { url: 'https://tsa.example/', fetcher: huge }));
    expect(err.code).toBe('TSA_UNAVAILABLE');
    expect(err.message).toContain('quá lớn');
  });
});

describe('readBounded', () => {
  it('returns a body within the bound and refuses a streamed body past it', async () => {
    expect(Array.from(await readBounded(new Response(new Uint8Array([1, 2, 3])), 3))).toEqual([1, 2, 3]);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) { c.enqueue(new Uint8Array(1000)); },
    });
    expect((await failureOf(readBounded(new Response(stream), 4096))).code).toBe('TOO_LARGE');
  });
});

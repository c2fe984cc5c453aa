// Art. 16 statistics from the flow records: counts per month and per agency, a document sent to two agencies
// counted once in the month and total and once per receiver, on time = answered the day it arrived (Art. 9.2).
import { describe, expect, it } from 'vitest';
import type { IncomingFlowRecord, SentDocumentRecord } from '../../../src/shared/api/exchange-flow-schemas';
import { exchangeStats } from '../../../src/shared/domain/exchange-stats';

const status = (from: string, statusCode: string, at: string) => ({ from, statusCode, description: null, timestamp: null, at });

function incoming(id: string, from: string, receivedAt: string, extra: Partial<IncomingFlowRecord> = {}): IncomingFlowRecord {
  return {
    id, kind: 'edoc', from, fromName: null, documentId: id, codeNumber: '1', codeNotation: 'X', subject: 's', typeName: 'Công văn',
    promulgationDate: '2026-11-20', place: 'Hà Nội', signerName: 'A', signerPosition: 'B', urgency: 'thuong', bussinessDocType: 0,
    replaces: null, receivedAt, attachments: [], verdict: 'valid', reasons: [], duplicateOf: null, replies: [], revocation: null, revoked: false, ...extra,
  };
}

function sent(documentId: string, to: string[], createdAt: string, extra: Partial<SentDocumentRecord> = {}): SentDocumentRecord {
  return { documentId, createdAt, ref: null, codeNumber: '1', codeNotation: 'X', subject: 's', promulgationDate: '2026-11-20', urgency: 'thuong', bussinessDocType: 0, to, outgoingId: 'o', sentAt: createdAt, statuses: [], revocation: null, ...extra };
}

describe('exchangeStats', () => {
  it('counts received, accepted, returned, revoked, urgent and on time vs late by month and agency', () => {
    const G = '000.00.00.G22';
    const K = '000.00.00.K01';
    const records = [
      // 08:00 Vietnam time on 20/11, accepted the same day: on time.
      incoming('a', G, '2026-11-20T01:00:00Z', { replies: [status('me', '01', '2026-11-20T01:00:01Z'), status('me', '03', '2026-11-20T01:00:05Z')] }),
      // 23:30 Vietnam time on 20/11 (16:30Z), returned at 08:00 on 21/11: late.
      incoming('b', G, '2026-11-20T16:30:00Z', { urgency: 'hoa-toc', replies: [status('me', '02', '2026-11-21T01:00:00Z')] }),
      incoming('c', K, '2026-12-01T02:00:00Z', { revoked: true, replies: [status('me', '03', '2026-12-01T02:00:00Z'), status('me', '15', '2026-12-02T02:00:00Z')] }),
      // Outside the period.
      incoming('d', K, '2027-01-05T02:00:00Z'),
    ];
    const out = [sent('s1', [G, K], '2026-11-21T02:00:00Z', { urgency: 'khan', statuses: [status(K, '15', '2026-11-22T00:00:00Z')] })];
    const stats = exchangeStats(records, out, '2026-11-01', '2026-12-31');
    expect(stats.total).toEqual({ key: 'total', sent: 1, received: 3, accepted: 2, returned: 1, revoked: 2, urgent: 2, onTime: 2, late: 1 });
    expect(stats.byMonth.map((r) => [r.key, r.received, r.sent])).toEqual([['2026-11', 2, 1], ['2026-12', 1, 0]]);
    const byAgency = Object.fromEntries(stats.byAgency.map((r) => [r.key, r]));
    expect(byAgency[G]).toMatchObject({ sent: 1, received: 2, revoked: 0, urgent: 2 });
    expect(byAgency[K]).toMatchObject({ sent: 1, received: 1, revoked: 2, urgent: 1 });
  });
});

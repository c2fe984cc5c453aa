// Flow records as main's exchange.flowIncoming answers them (src/main/exchange/flows/incoming-flow.ts), and a
// fake main that keeps them, answers flowReply like the real flow (replies appended, 15 marks revoked) and
// counts confirmations.
import type { IncomingFlowRecord } from '../../../../../src/shared/api/exchange-flow-schemas';
import type { Handlers } from '../../support/fake-api';

export const hex = (c: string) => c.repeat(64);

export function flowRecord(over: Partial<IncomingFlowRecord> = {}): IncomingFlowRecord {
  return {
    id: hex('1'),
    kind: 'edoc',
    from: '000.00.01.H35',
    fromName: 'Sở Nội vụ tỉnh Lai Châu',
    documentId: '000.00.01.H35.doc-1',
    codeNumber: '125',
    codeNotation: 'SNV-VP',
    subject: 'Về việc tổ chức hội nghị tổng kết công tác văn thư',
    typeName: 'Công văn',
    promulgationDate: '2026-11-20',
    place: 'Lai Châu',
    signerName: 'Trần Văn Bình',
    signerPosition: 'Giám đốc',
    urgency: 'thuong',
    bussinessDocType: 0,
    replaces: null,
    receivedAt: '2026-11-24T01:30:00.000Z',
    attachments: [{ sha256: hex('a'), name: 'cong-van.pdf', contentType: 'application/pdf', size: 31_000, pdf: true }],
    verdict: 'valid',
    reasons: [],
    duplicateOf: null,
    replies: [
      { from: '000.00.00.H35', statusCode: '01', description: null, timestamp: null, at: '2026-11-24T01:30:01.000Z' },
      { from: '000.00.00.H35', statusCode: '03', description: null, timestamp: null, at: '2026-11-24T01:30:02.000Z' },
    ],
    revocation: null,
    revoked: false,
    ...over,
  };
}

export interface FakeMain {
  records: IncomingFlowRecord[];
  confirmed: string[];
  handlers: Handlers;
}

export function fakeMain(records: IncomingFlowRecord[]): FakeMain {
  const main: FakeMain = {
    records,
    confirmed: [],
    handlers: {
      'exchange.flowIncoming': () => ({ ok: true, value: structuredClone(main.records) }),
      'exchange.flowReply': (req) => {
        const i = main.records.findIndex((r) => r.id === req.id);
        const r = main.records[i];
        if (!r) return { ok: false, error: { code: 'NOT_FOUND', message: 'no record' } };
        const reply = { from: '000.00.00.H35', statusCode: req.statusCode, description: req.description ?? null, timestamp: null, at: '2026-11-24T02:00:00.000Z' };
        let next: IncomingFlowRecord = { ...r, replies: [...r.replies, reply] };
        if (req.statusCode === '15' && next.revocation) next = { ...next, revoked: true, revocation: { ...next.revocation, answer: '15' } };
        if (req.statusCode === '16' && next.revocation) next = { ...next, revocation: { ...next.revocation, answer: '16' } };
        main.records[i] = next;
        return { ok: true, value: structuredClone(next) };
      },
      'exchange.incomingConfirm': (req) => {
        main.confirmed.push(req.id);
        return {
          ok: true,
          value: { id: req.id, state: 'ingested', messageType: 'edoc', from: '', receivedAt: '', ackedAt: '', size: 1, documentId: null, duplicateOf: null, reason: null, summary: null },
        };
      },
    },
  };
  return main;
}

// The exchange flows between two agencies through the loopback test axis (issue 8; Quy chế Art. 1.2, 9.2, 9.5,
// 10.5): A sends a signed document, B answers 01 on arrival, verifies the PDF in main (worker pool, test PKI with a
// live OCSP responder) and answers 03 by itself because it is valid; a tampered PDF waits for the clerk, who
// returns it with 02 and a reason that A sees; A asks for a third one back with 13, B answers 15 and the entry is
// kept, marked revoked; a package marked MẬT is refused with 02 and the reason.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SentDocumentRecord, SendDocumentRequest } from '../../../src/shared/api/exchange-flow-schemas';
import { signPdf } from '../../../src/main/pdf/pades-sign';
import { startTestAxis, type TestAxis } from '../../support/axis/test-axis';
import { waitFor } from '../../support/axis/wait-for';
import { startFlowStation, type FlowStation } from '../../support/exchange/flow-station';
import { startOcspResponder, type OcspResponder } from '../../support/pki/ocsp-responder';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { softSigner } from '../../support/pki/soft-signer';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';

const A = { systemId: 'flow-a', secret: 'flow-secret-000a', code: '000.00.00.G22', name: 'Văn phòng Chính phủ' };
const B = { systemId: 'flow-b', secret: 'flow-secret-000b', code: '000.00.00.H35', name: 'UBND tỉnh Lai Châu' };
const DEADLINE = 120_000;

let axis: TestAxis;
let responder: OcspResponder;
let pki: TestPki;
let a: FlowStation;
let b: FlowStation;
let signed: Uint8Array;

beforeAll(async () => {
  responder = await startOcspResponder();
  pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  axis = await startTestAxis({
    systems: [
      { systemId: A.systemId, secret: A.secret, agencyCode: A.code },
      { systemId: B.systemId, secret: B.secret, agencyCode: B.code },
    ],
    agencies: [
      { id: '1', code: 'G22', code102: A.code, name: A.name },
      { id: '2', code: 'H35', code102: B.code, name: B.name },
    ],
  });
  a = await startFlowStation({ ...A, axisUrl: axis.url, pki });
  b = await startFlowStation({ ...B, axisUrl: axis.url, pki });
  await a.host.refreshAgencies();
  const draft = await makeDraftPdf();
  signed = await signPdf(draft, { fieldName: 'ChuKyCoQuan', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, softSigner(pki.organization, [pki.intermediate.certDer]));
}, DEADLINE);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await axis?.close();
  await responder?.close();
});

async function send(pdf: Uint8Array, codeNumber: string, extra: Partial<SendDocumentRequest> = {}): Promise<SentDocumentRecord> {
  const file = await a.blobs.put(pdf, 'application/pdf');
  const { record, warnings } = await a.flows.outgoing.sendDocument({
    codeNumber,
    codeNotation: 'VPCP-TH',
    subject: `V/v thử nghiệm liên thông số ${codeNumber}`,
    typeName: 'Công văn',
    promulgationDate: '2026-11-20',
    place: 'Hà Nội',
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chánh Văn phòng',
    urgency: 'thuong',
    attachments: [{ sha256: file.sha256, name: `${codeNumber}-VPCP.pdf` }],
    to: [B.code],
    ...extra,
  });
  expect(warnings).toEqual([]);
  await a.host.engine.syncNow();
  return record;
}

/** Both sides run a cycle until `check` holds (each cycle moves packages one hop). */
async function until<T>(check: () => T | undefined | null | false, what: string): Promise<T> {
  return (await waitFor<T | undefined | null | false>(async () => {
    await b.host.engine.syncNow();
    await a.host.engine.syncNow();
    return check();
  }, what, DEADLINE)) as T;
}

const timelineOf = (documentId: string): string[] => (a.flows.outgoing.list().find((r) => r.documentId === documentId)?.statuses ?? []).map((s) => s.statusCode);
const receivedOf = (documentId: string) => b.flows.incoming.list().find((r) => r.documentId === documentId);

it('accepts a valid signed document by itself: 01 then 03 in the sender\'s timeline, sending time from the axis', async () => {
  const doc = await send(signed, '101');
  const received = await until(() => receivedOf(doc.documentId)?.verdict === 'valid' && receivedOf(doc.documentId), 'B verified the document');
  expect(received).toMatchObject({ from: A.code, codeNumber: '101', subject: 'V/v thử nghiệm liên thông số 101', urgency: 'thuong', reasons: [] });
  expect(received.replies.map((r) => r.statusCode)).toEqual(['01', '03']);
  const timeline = await until(() => timelineOf(doc.documentId).length >= 2 && timelineOf(doc.documentId), 'A saw 01 and 03');
  expect(timeline).toEqual(['01', '03']);
  const sent = a.flows.outgoing.list().find((r) => r.documentId === doc.documentId);
  expect(sent?.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(sent?.statuses.every((s) => s.from === B.code)).toBe(true);
}, DEADLINE * 3);

it('keeps a tampered document for the clerk, who returns it with 02 and a reason the sender sees', async () => {
  const tampered = Uint8Array.from(signed);
  // A byte inside the signed range (the page content), not in /Contents: the digest no longer matches.
  const at = Buffer.from(tampered).indexOf('stream') + 12;
  tampered[at] = tampered[at]! ^ 0x01;
  const doc = await send(tampered, '102');
  const received = await until(() => { const r = receivedOf(doc.documentId); return r && r.verdict !== 'pending' && r; }, 'B verified the tampered document');
  expect(received.verdict).toBe('invalid');
  expect(received.reasons.length).toBeGreaterThan(0);
  expect(received.replies.map((r) => r.statusCode)).toEqual(['01']);
  const reason = 'Chữ ký số không hợp lệ: tệp đã bị sửa sau khi ký.';
  await b.flows.incoming.reply({ id: received.id, statusCode: '02', description: reason });
  await expect(b.flows.incoming.reply({ id: received.id, statusCode: '02', description: reason })).rejects.toMatchObject({ code: 'CONFLICT' });
  await until(() => timelineOf(doc.documentId).includes('02'), 'A saw 02');
  const status02 = a.flows.outgoing.list().find((r) => r.documentId === doc.documentId)?.statuses.find((s) => s.statusCode === '02');
  expect(status02?.description).toBe(reason);
}, DEADLINE * 3);

it('revokes: 13 with a reason, the receiver answers 15, the entry stays and is marked revoked (Art. 9.5)', async () => {
  const doc = await send(signed, '103');
  await until(() => receivedOf(doc.documentId)?.verdict === 'valid', 'B accepted the third document');
  await a.flows.outgoing.revoke({ documentId: doc.documentId, reason: 'Văn bản ban hành nhầm nơi nhận.' });
  await expect(a.flows.outgoing.revoke({ documentId: doc.documentId, reason: 'lần hai' })).rejects.toMatchObject({ code: 'CONFLICT' });
  const asked = await until(() => receivedOf(doc.documentId)?.revocation, 'B got the revocation request');
  expect(asked).toMatchObject({ reason: 'Văn bản ban hành nhầm nơi nhận.', answer: null });
  const id = receivedOf(doc.documentId)!.id;
  const answered = await b.flows.incoming.reply({ id, statusCode: '15' });
  expect(answered).toMatchObject({ revoked: true, revocation: { answer: '15' } });
  expect(answered.attachments[0]).toBeDefined();
  expect((await b.blobs.get(answered.attachments[0]!.sha256)).size).toBeGreaterThan(0);
  await expect(b.flows.incoming.reply({ id, statusCode: '16', description: 'muộn' })).rejects.toMatchObject({ code: 'CONFLICT' });
  await until(() => timelineOf(doc.documentId).includes('15'), 'A saw 15');
}, DEADLINE * 3);

it('refuses a document marked MẬT with 02 and the reason (Art. 1.2), and keeps urgency from Priority', async () => {
  const secret = await send(signed, '104', { subject: 'MẬT - Kế hoạch bảo vệ' });
  const refused = await until(() => { const r = receivedOf(secret.documentId); return r && r.verdict !== 'pending' && r; }, 'B refused the secret document');
  expect(refused.verdict).toBe('refused');
  expect(refused.reasons[0]).toMatch(/độ mật "MẬT"/);
  expect(refused.replies.map((r) => r.statusCode)).toEqual(['02']);
  await until(() => timelineOf(secret.documentId).includes('02'), 'A saw the refusal');

  const urgent = await send(signed, '105', { urgency: 'hoa-toc' });
  const got = await until(() => receivedOf(urgent.documentId)?.verdict === 'valid' && receivedOf(urgent.documentId), 'B got the urgent document');
  expect(got.urgency).toBe('hoa-toc');
}, DEADLINE * 3);

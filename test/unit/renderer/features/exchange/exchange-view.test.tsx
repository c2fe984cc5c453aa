// Liên thông văn bản (issue 8; Quy chế Art. 9.5, 10.1, 10.5): an issued document is sent to receivers picked from
// the directory (typed without diacritics, đ included; a replaced code warns), and the timeline shows each
// receiver's statuses (01, 02 with its reason, 03) and the revocation request (13 with a reason).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendDocumentRequest, SentDocumentRecord } from '../../../../../src/shared/api/exchange-flow-schemas';
import type { AgencyEntry } from '../../../../../src/shared/api/exchange-schemas';
import { foldVietnamese } from '../../../../../src/shared/util/search-text';
import { ExchangeView } from '../../../../../src/renderer/features/exchange/ExchangeView';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';
import { hex } from './flow-fixtures';

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };

const AGENCIES: AgencyEntry[] = [
  { code102: '000.00.01.H35', codeQd20: 'H35.01', name: 'Sở Nội vụ tỉnh Lai Châu', parentId: null, oldCode: null, deleted: false, warning: null, replacedBy: null },
  { code102: '000.00.07.H35', codeQd20: 'H35.07', name: 'Sở Tài nguyên và Môi trường', parentId: null, oldCode: null, deleted: false, warning: 'Mã 000.00.07.H35 đã được thay bằng 000.00.27.H35.', replacedBy: '000.00.27.H35' },
  { code102: '000.00.12.H35', codeQd20: 'H35.12', name: 'Ủy ban nhân dân huyện Đoàn Kết', parentId: null, oldCode: null, deleted: false, warning: null, replacedBy: null },
];

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

async function seedIssued(v: Rendered): Promise<void> {
  await v.db.documents.add({
    id: 'out-1', direction: 'outgoing', typeId: 'quyet-dinh', codeNotation: '05/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu', documentDate: '2026-11-23',
    abstract: 'Quyết định thành lập tổ công tác', urgency: 'khan', confidentiality: 'thuong', signer: 'Lê Văn Chính', fileSha256: hex('b'), fileSize: 1000,
    attachmentSha256s: [hex('c')], createdAt: 1, createdBy: 'vanthu',
  });
  await v.db.registerEntries.add({
    registerId: 'outgoing-2026', kind: 'outgoing', year: 2026, number: 5, documentId: 'out-1', arrivedAt: 1, legalReceiptAt: 1, receiptRule: { kind: 'in-office-hours' },
    status: 'active', handling: 'waiting', urgency: 'khan', issuedAt: 2, issuerFolded: 'ubnd tinh lai chau', searchText: '', searchTokens: [],
  });
}

function sentRecord(over: Partial<SentDocumentRecord> = {}): SentDocumentRecord {
  return {
    documentId: '000.00.00.H35.x1', createdAt: '2026-11-23T03:00:00.000Z', ref: 'out-0', codeNumber: '04', codeNotation: 'UBND-VP', subject: 'Về việc báo cáo quý IV',
    promulgationDate: '2026-11-23', urgency: 'thuong', bussinessDocType: 0, to: ['000.00.01.H35', '000.00.12.H35'], outgoingId: hex('d'), sentAt: '2026-11-23T03:00:05.000Z',
    statuses: [
      { from: '000.00.01.H35', statusCode: '01', description: null, timestamp: null, at: '2026-11-23T03:01:00.000Z' },
      { from: '000.00.01.H35', statusCode: '03', description: null, timestamp: null, at: '2026-11-23T03:02:00.000Z' },
      { from: '000.00.12.H35', statusCode: '01', description: null, timestamp: null, at: '2026-11-23T03:01:30.000Z' },
      { from: '000.00.12.H35', statusCode: '02', description: 'Chữ ký số không hợp lệ', timestamp: null, at: '2026-11-23T03:03:00.000Z' },
    ],
    revocation: null,
    ...over,
  };
}

describe('ExchangeView', () => {
  it('sends an issued document to agencies found without diacritics, warning about a replaced code', async () => {
    const sentRequests: SendDocumentRequest[] = [];
    const world = makeWorld({
      'exchange.flowSent': () => ({ ok: true, value: [] }),
      'exchange.agencies': (req) => {
        const q = foldVietnamese(req.query);
        const entries = AGENCIES.filter((a) => foldVietnamese(`${a.name} ${a.code102}`).includes(q));
        return { ok: true, value: { entries, total: entries.length, fetchedAt: '2026-11-24T01:00:00.000Z' } };
      },
      'exchange.sendDocument': (req) => {
        sentRequests.push(req);
        return { ok: true, value: { record: sentRecord({ to: req.to, ref: req.ref ?? null, statuses: [], sentAt: null }), warnings: ['Mã 000.00.07.H35 đã được thay bằng 000.00.27.H35.'] } };
      },
    });
    await seedIssued(world as Rendered);
    view = await render(<ExchangeView account={CLERK} />, world);
    const { container } = view;
    await waitFor(() => expect(container.textContent).toContain('05/QĐ-UBND'));
    await click(buttonNamed(container, 'Chọn 5'));
    await typeInto(byLabel(container, 'Tìm cơ quan (gõ không dấu cũng được)'), 'doan ket');
    await waitFor(() => expect(container.querySelectorAll('.agency-results li')).toHaveLength(1));
    await click(buttonNamed(container.querySelector('.agency-results li[data-code="000.00.12.H35"]')!, 'Thêm'));
    await typeInto(byLabel(container, 'Tìm cơ quan (gõ không dấu cũng được)'), 'so tai nguyen');
    await waitFor(() => expect(container.querySelector('.agency-results')?.textContent).toContain('đã được thay bằng 000.00.27.H35'));
    await click(buttonNamed(container.querySelector('.agency-results li[data-code="000.00.07.H35"]')!, 'Thêm'));
    expect(byLabel(container, 'Người ký').value).toBe('Lê Văn Chính');
    await typeInto(byLabel(container, 'Địa danh'), 'Lai Châu');
    await typeInto(byLabel(container, 'Chức vụ người ký'), 'Chủ tịch');
    await click(buttonNamed(container, 'Gửi văn bản'));
    await waitFor(() => expect(container.textContent).toContain('Đã đưa văn bản vào hàng đợi gửi tới 2 cơ quan'));
    expect(sentRequests).toEqual([
      {
        codeNumber: '05', codeNotation: 'QĐ-UBND', subject: 'Quyết định thành lập tổ công tác', typeName: 'Quyết định', promulgationDate: '2026-11-23', place: 'Lai Châu',
        signerName: 'Lê Văn Chính', signerPosition: 'Chủ tịch', urgency: 'khan',
        attachments: [{ sha256: hex('b'), name: '05-QD-UBND.pdf' }, { sha256: hex('c'), name: '05-QD-UBND-phu-luc-1.pdf' }],
        to: ['000.00.12.H35', '000.00.07.H35'], ref: 'out-1',
      },
    ]);
    expect(container.textContent).toContain('đã được thay bằng 000.00.27.H35');
    // Journaled before the confirmation is shown.
    expect((await view.db.journal.toArray()).map((j) => [j.action, j.actor])).toEqual([['exchange.sent', 'vanthu']]);
  });

  it('shows each receiver’s timeline (01 → 03; 02 with its reason) and asks for a document back with a reason (13)', async () => {
    let record = sentRecord();
    const world = makeWorld({
      'exchange.flowSent': () => ({ ok: true, value: [record] }),
      'exchange.agencies': () => ({ ok: true, value: { entries: [], total: 0, fetchedAt: null } }),
      'exchange.revoke': (req) => {
        record = { ...record, revocation: { requestedAt: '2026-11-24T02:00:00.000Z', reason: req.reason } };
        return { ok: true, value: record };
      },
    });
    view = await render(<ExchangeView account={CLERK} />, world);
    const { container } = view;
    await waitFor(() => expect(container.querySelector('.sent-document')).not.toBeNull());
    const accepted = container.querySelector('[data-recipient="000.00.01.H35"]')!;
    expect([...accepted.querySelectorAll('[data-status]')].map((e) => e.getAttribute('data-status'))).toEqual(['01', '03']);
    const returned = container.querySelector('[data-recipient="000.00.12.H35"]')!;
    expect(returned.textContent).toContain('Bị trả lại (02)');
    expect(returned.textContent).toContain('Chữ ký số không hợp lệ');
    expect(container.textContent).toContain('Gửi lúc 10:00 23/11/2026');

    await click(buttonNamed(container, 'Thu hồi'));
    await click(buttonNamed(container, 'Gửi yêu cầu thu hồi (13)'));
    expect(container.textContent).toContain('Cần nêu lý do.');
    await typeInto(byLabel(container, 'Lý do thu hồi'), 'Ban hành nhầm đối tượng');
    await click(buttonNamed(container, 'Gửi yêu cầu thu hồi (13)'));
    await waitFor(() => expect(container.textContent).toContain('Đã yêu cầu thu hồi: Ban hành nhầm đối tượng'));
    expect(view.api.calls.find((c) => c.channel === 'exchange.revoke')?.request).toEqual({ documentId: '000.00.00.H35.x1', reason: 'Ban hành nhầm đối tượng' });
    const journal = await view.db.journal.toArray();
    expect(journal.map((j) => [j.action, j.subject, JSON.parse(j.payload).reason])).toEqual([['exchange.revokeRequested', '000.00.00.H35.x1', 'Ban hành nhầm đối tượng']]);
  });

  it('flags an issued document not sent by the next working morning (Art. 10.1) and marks the Art. 8.3 types for paper too', async () => {
    const world = makeWorld(
      {
        'exchange.flowSent': () => ({ ok: true, value: [] }),
        'exchange.agencies': () => ({ ok: true, value: { entries: [], total: 0, fetchedAt: null } }),
        'rules.get': () => ({
          ok: true,
          value: {
            holidays: { years: { from: 2024, to: 2030 }, weekendDays: [0, 6], solar: [], lunar: [], extraDaysOff: [], makeUpWorkdays: [] },
            channels: { electronicOnly: ['quyet-dinh'], electronicAndPaper: ['bien-ban'] },
            sources: { holidays: 'default', channels: 'default' },
          },
        }),
      },
      // Tuesday 24/11/2026, 09:00 in Vietnam.
      '2026-11-24T02:00:00Z',
    );
    const doc = { direction: 'outgoing' as const, issuer: 'UBND tỉnh Lai Châu', documentDate: '2026-11-20', urgency: 'thuong' as const, confidentiality: 'thuong' as const, fileSize: 1000, createdAt: 1, createdBy: 'vanthu' };
    const entry = { registerId: 'outgoing-2026', kind: 'outgoing' as const, year: 2026, documentId: '', arrivedAt: 1, legalReceiptAt: 1, receiptRule: { kind: 'in-office-hours' as const }, status: 'active' as const, handling: 'waiting' as const, urgency: 'thuong' as const, issuerFolded: 'ubnd tinh lai chau', searchText: '', searchTokens: [] };
    // Issued Friday 20/11 at 15:00: due Monday 23/11 11:30, now late.
    await world.db.documents.add({ ...doc, id: 'late', typeId: 'quyet-dinh', codeNotation: '07/QĐ-UBND', abstract: 'Quyết định phê duyệt kế hoạch', fileSha256: hex('e') });
    await world.db.registerEntries.add({ ...entry, number: 7, documentId: 'late', issuedAt: Date.parse('2026-11-20T08:00:00Z') });
    // Issued today at 08:30: due Wednesday 25/11 11:30.
    await world.db.documents.add({ ...doc, id: 'fresh', typeId: 'bien-ban', codeNotation: '08/BB-UBND', abstract: 'Biên bản bàn giao', fileSha256: hex('f') });
    await world.db.registerEntries.add({ ...entry, number: 8, documentId: 'fresh', issuedAt: Date.parse('2026-11-24T01:30:00Z') });
    view = await render(<ExchangeView account={CLERK} />, world);
    const { container } = view;
    await waitFor(() => expect(container.querySelector('tr[data-code="07/QĐ-UBND"]')?.textContent).toContain('Quá hạn gửi: phải gửi trước 11:30 23/11/2026 (Điều 10.1)'));
    expect(container.querySelector('tr[data-code="07/QĐ-UBND"]')?.getAttribute('data-late')).toBe('true');
    expect(container.querySelector('tr[data-code="07/QĐ-UBND"]')?.textContent).not.toContain('bản giấy');
    const fresh = container.querySelector('tr[data-code="08/BB-UBND"]')!;
    expect(fresh.textContent).toContain('Gửi trước 11:30 25/11/2026 (Điều 10.1)');
    expect(fresh.getAttribute('data-late')).toBeNull();
    expect(fresh.textContent).toContain('Gửi kèm bản giấy (Điều 8.3)');
  });
});

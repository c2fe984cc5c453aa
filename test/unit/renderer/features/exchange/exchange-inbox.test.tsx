// Văn bản đến chờ xử lý with documents from the axis (issue 8; Quy chế Art. 9.2, 9.3, 9.5, 10.5): they appear with
// their verdict, urgent first with an alarm; "Mở" shows the form filled from the edXML header and Enter registers
// (number 1, item confirmed to main); an invalid one is returned with 02 and the reason; a re-delivery gives no
// second entry; a revocation accepted answers 15 and cancels the entry.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxView } from '../../../../../src/renderer/features/inbox/InboxView';
import { UrgentAlarm } from '../../../../../src/renderer/features/exchange/UrgentAlarm';
import { useExchangeSync } from '../../../../../src/renderer/features/exchange/useExchangeSync';
import type { SessionAccount } from '../../../../../src/renderer/stores/slices/session-slice';
import { byLabel, buttonNamed, click, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';
import { fakeMain, flowRecord, hex, type FakeMain } from './flow-fixtures';

vi.mock('../../../../../src/renderer/lib/pdf', () => ({
  openPdf: async () => ({ doc: { numPages: 1 }, close: async () => undefined }),
  renderPage: async () => undefined,
}));

const CLERK: SessionAccount = { id: 'a1', username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'van-thu' };

function Shell() {
  useExchangeSync();
  return (
    <>
      <UrgentAlarm />
      <InboxView account={CLERK} />
    </>
  );
}

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

async function start(main: FakeMain): Promise<Rendered> {
  view = await render(<Shell />, makeWorld(main.handlers));
  return view;
}

const rowsOf = (c: HTMLElement) => [...c.querySelectorAll<HTMLTableRowElement>('.exchange-inbox tbody tr')];

function openRow(c: HTMLElement, documentId: string): Promise<void> {
  const row = c.querySelector<HTMLTableRowElement>(`tr[data-document-id="${documentId}"]`);
  if (!row) throw new Error(`no row ${documentId}`);
  return click(buttonNamed(row, 'Mở'));
}

describe('exchange documents in Văn bản đến chờ xử lý', () => {
  it('lists them urgent first with the verdict, alarms until the urgent one is opened, and registers with Enter', async () => {
    const main = fakeMain([
      flowRecord(),
      flowRecord({ id: hex('4'), documentId: 'd-4', urgency: 'hoa-toc', subject: 'Về việc phòng chống bão số 9', receivedAt: '2026-11-24T01:50:00.000Z' }),
    ]);
    const { container, db } = await start(main);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(2));
    expect(rowsOf(container)[0]!.textContent).toContain('Hỏa tốc');
    expect(rowsOf(container)[1]!.textContent).toContain('Chữ ký số hợp lệ');
    expect(container.querySelector('.urgent-alarm')?.textContent).toContain('Có 1 văn bản khẩn');

    await openRow(container, 'd-4');
    await waitFor(() => expect(container.querySelector('.urgent-alarm')).toBeNull());
    await click(buttonNamed(container, 'Quay lại danh sách'));

    await openRow(container, '000.00.01.H35.doc-1');
    expect(byLabel(container, 'Số, ký hiệu').value).toBe('125/SNV-VP');
    expect(byLabel(container, 'Cơ quan ban hành').value).toBe('Sở Nội vụ tỉnh Lai Châu');
    expect(byLabel(container, 'Ngày văn bản').value).toBe('20/11/2026');
    expect(byLabel(container, 'Trích yếu').value).toBe('Về việc tổ chức hội nghị tổng kết công tác văn thư');
    // Enter in a field submits the form (the submit event the browser fires for Enter).
    const form = container.querySelector<HTMLFormElement>('form.incoming-form')!;
    await act(async () => {
      form.requestSubmit();
    });
    await waitFor(() => expect(container.textContent).toContain('Đã đăng ký văn bản điện tử, số đến 1.'));
    const entries = await db.registerEntries.toArray();
    expect(entries.map((e) => e.number)).toEqual([1]);
    // Art. 10.5: the legal receipt time counts from when the package entered the software (08:30 Vietnam time).
    expect(new Date(entries[0]!.arrivedAt).toISOString()).toBe('2026-11-24T01:30:00.000Z');
    await waitFor(() => expect(main.confirmed).toContain(hex('1')));
    // Valid: main already answered 03; no second 03 is asked for.
    expect(view!.api.calls.filter((c) => c.channel === 'exchange.flowReply')).toHaveLength(0);

    // The same document delivered again: no new row, no second entry.
    main.records.push(flowRecord({ id: hex('9'), duplicateOf: hex('1') }));
    await act(async () => view!.api.emit('sync.status', {} as never));
    await waitFor(() => expect(main.confirmed).toContain(hex('9')));
    expect(rowsOf(container)).toHaveLength(1);
    expect(await db.registerEntries.count()).toBe(1);
  });

  it('a replacement (BussinessDocType 3) keeps the history: both versions listed, each with its own incoming number', async () => {
    const main = fakeMain([flowRecord()]);
    const { container } = await start(main);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
    await openRow(container, '000.00.01.H35.doc-1');
    await act(async () => {
      container.querySelector<HTMLFormElement>('form.incoming-form')!.requestSubmit();
    });
    await waitFor(() => expect(container.textContent).toContain('số đến 1.'));

    main.records.push(
      flowRecord({ id: hex('5'), documentId: '000.00.01.H35.doc-2', codeNumber: '130', bussinessDocType: 3, replaces: '000.00.01.H35.doc-1', receivedAt: '2026-11-24T01:45:00.000Z' }),
    );
    await act(async () => view!.api.emit('sync.status', {} as never));
    // Wait for the list to hold the new version only (the registered one leaves it when its refresh lands).
    await waitFor(() => expect(rowsOf(container).map((r) => r.getAttribute('data-document-id'))).toEqual(['000.00.01.H35.doc-2']));
    await openRow(container, '000.00.01.H35.doc-2');
    expect(container.textContent).toContain('thay thế hoặc cập nhật một văn bản đã nhận trước đó');
    await waitFor(() => expect(container.querySelectorAll('.version-history li')).toHaveLength(2));
    const versions = [...container.querySelectorAll('.version-history li')].map((li) => li.textContent);
    expect(versions[0]).toContain('Văn bản mới: 125/SNV-VP · 08:30 24/11/2026 · số đến 1');
    expect(versions[1]).toContain('Thay thế: 130/SNV-VP · 08:45 24/11/2026 · chưa đăng ký (phiên bản đang xem)');
    await act(async () => {
      container.querySelector<HTMLFormElement>('form.incoming-form')!.requestSubmit();
    });
    await waitFor(() => expect(container.textContent).toContain('số đến 2.'));
  });

  it('returns an invalid document with 02 and the reason, prefilled from the verifier', async () => {
    const reason = 'cong-van.pdf: nội dung bị thay đổi sau khi ký';
    const main = fakeMain([flowRecord({ verdict: 'invalid', reasons: [reason], replies: [] })]);
    const { container } = await start(main);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
    await openRow(container, '000.00.01.H35.doc-1');
    expect(container.textContent).toContain('không được đăng ký, hãy trả lại');
    expect(container.querySelector('form.incoming-form')).toBeNull();
    const box = byLabel<HTMLTextAreaElement>(container, 'Lý do trả lại');
    expect(box.value).toBe(reason);
    await click(buttonNamed(container, 'Trả lại (02)'));
    await waitFor(() => expect(main.confirmed).toContain(hex('1')));
    const reply = view!.api.calls.find((c) => c.channel === 'exchange.flowReply');
    expect(reply?.request).toEqual({ id: hex('1'), statusCode: '02', description: reason });
    await waitFor(() => expect(rowsOf(container)).toHaveLength(0));
  });

  it('an unknown verdict is the clerk’s decision: registering sends 03', async () => {
    const main = fakeMain([flowRecord({ verdict: 'unknown', reasons: ['Chưa kiểm tra được tình trạng thu hồi'], replies: [] })]);
    const { container } = await start(main);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
    await openRow(container, '000.00.01.H35.doc-1');
    expect(container.textContent).toContain('Chưa kiểm tra được tình trạng thu hồi');
    await click(buttonNamed(container, 'Lưu (Enter)'));
    await waitFor(() => expect(main.confirmed).toContain(hex('1')));
    expect(view!.api.calls.find((c) => c.channel === 'exchange.flowReply')?.request).toEqual({ id: hex('1'), statusCode: '03' });
  });

  it('accepting a revocation answers 15 and the entry shows cancelled', async () => {
    const main = fakeMain([flowRecord()]);
    const { container, db } = await start(main);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
    await openRow(container, '000.00.01.H35.doc-1');
    await click(buttonNamed(container, 'Lưu (Enter)'));
    await waitFor(() => expect(rowsOf(container)).toHaveLength(0));
    main.records[0] = { ...main.records[0]!, revocation: { requestedAt: '2026-11-24T03:00:00.000Z', reason: 'Ban hành nhầm', answer: null } };
    await act(async () => view!.api.emit('sync.status', {} as never));
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
    await openRow(container, '000.00.01.H35.doc-1');
    await waitFor(() => expect(container.textContent).toContain('Lý do: Ban hành nhầm'));
    await click(buttonNamed(container, 'Đồng ý thu hồi (15)'));
    await waitFor(() => expect(main.records[0]!.revoked).toBe(true));
    const entry = (await db.registerEntries.toArray())[0]!;
    expect(entry.status).toBe('cancelled');
    expect(entry.cancelReason).toContain('Ban hành nhầm');
  });

  it('a package main refused (Mật, Art. 1.2) is not offered for registration; its reason is listed and the item confirmed', async () => {
    const reason = 'Văn bản mang dấu độ mật "MẬT": văn bản mật không được gửi, nhận qua hệ thống điện tử (Quy chế, Điều 1 khoản 2).';
    const main = fakeMain([flowRecord({ verdict: 'refused', reasons: [reason] })]);
    const { container } = await start(main);
    await waitFor(() => expect(container.querySelector('.exchange-refused')?.textContent).toContain('văn bản mật không được gửi'));
    expect(rowsOf(container)).toHaveLength(0);
    await waitFor(() => expect(main.confirmed).toEqual([hex('1')]));
    expect(view!.api.calls.filter((c) => c.channel === 'exchange.flowReply')).toHaveLength(0);
  });
});

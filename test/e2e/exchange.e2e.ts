// Documents between two agencies through the loopback test axis (issue 8 "Done when", Quy chế Art. 9.2, 9.3, 9.5,
// 10.5), in Chromium through two web hosts (agency A and agency B: two data directories, two ports). A sends three
// documents (one Hỏa tốc); B sees them with the urgent one first and alarmed, registers the first from the
// pre-filled form with Enter and A's timeline shows 01 then 03; B returns the second with 02 and a reason and A
// sees the reason; A revokes the third, B answers 15 and its register entry shows cancelled.
//
// A's documents are signed with the organization key of the test PKI (a live loopback OCSP responder) and put into
// its store through the web-host API; B's administrator imports the pinned test root, so B verifies them in main:
// the signed ones are "Hợp lệ" and accepted with 03 by B itself (Art. 9.2), the second is tampered after signing and
// is "Không hợp lệ". The signing screen itself is covered by signing.e2e.ts.
import '../../src/main/signing/reflect-shim';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPdf } from '../../src/main/pdf/pades-sign';
import { EXTRA_PINS_ENV } from '../../src/main/host/signing-host';
import { fingerprint } from '../../src/main/signing/trust-store';
import { createAxisSettingsStore } from '../../src/main/exchange/settings/axis-settings';
import { createFileSecretStore } from '../../src/main/storage/secret-store';
import { createSettingsStore } from '../../src/main/storage/settings-store';
import { resolveAppPaths } from '../../src/main/web-host/paths';
import { startTestAxis, type TestAxis } from '../support/axis/test-axis';
import { startOcspResponder, type OcspResponder } from '../support/pki/ocsp-responder';
import { makeDraftPdf } from '../support/pki/sample-documents';
import { softSigner } from '../support/pki/soft-signer';
import { createTestPki, toPem, type TestPki } from '../support/pki/test-pki';
import { startTestWebHost, type TestWebHost } from '../support/web-host';
import { ADMIN, CLERK, expect, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { ExchangePage } from './pages/exchange-page';
import { RegisterPage } from './pages/register-page';
import { SettingsPage } from './pages/settings-page';
import type { Page } from '@playwright/test';

const A = { code: '000.00.00.G22', codeQd20: 'G22', name: 'Văn phòng Chính phủ (thử nghiệm)', systemId: 'e2e-a', secret: 'e2e-secret-000a' };
const B = { code: '000.00.00.H35', codeQd20: 'H35', name: 'UBND tỉnh Lai Châu (thử nghiệm)', systemId: 'e2e-b', secret: 'e2e-secret-000b' };

let axis: TestAxis;
let responder: OcspResponder;
let pki: TestPki;
/** The test root and intermediate as an administrator downloads them (PEM), pinned through EXTRA_PINS_ENV. */
let trustBundle: Buffer;
let signed: Uint8Array;
const savedPins = process.env[EXTRA_PINS_ENV];
const hosts: TestWebHost[] = [];
const dirs: string[] = [];

async function station(s: typeof A): Promise<TestWebHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vanthu-e2e-exchange-'));
  dirs.push(dataDir);
  await createSettingsStore({ dataDir, checkHolidaysFile: async () => undefined }).update({ unitName: s.name, unitCode: s.code });
  await createAxisSettingsStore({ dataDir, secrets: createFileSecretStore(dataDir) }).update({ endpoint: axis.url, systemId: s.systemId, secret: s.secret, pollMinutes: 1 });
  const host = await startTestWebHost({ dataDir, rendererDir: resolveAppPaths().rendererDir });
  hosts.push(host);
  return host;
}

test.beforeAll(async () => {
  responder = await startOcspResponder();
  pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  const pinDir = await mkdtemp(join(tmpdir(), 'vanthu-e2e-exchange-pins-'));
  dirs.push(pinDir);
  const pins = [
    { sha256: fingerprint(pki.root.certDer), role: 'anchor', name: 'Gốc thử nghiệm (liên thông)', url: '' },
    { sha256: fingerprint(pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm (liên thông)', url: '' },
  ];
  await writeFile(join(pinDir, 'pins.json'), JSON.stringify({ pins }));
  // Read by each host's signing services when they are built (compose.ts reads process.env by default).
  process.env[EXTRA_PINS_ENV] = join(pinDir, 'pins.json');
  trustBundle = Buffer.from(`${toPem(pki.root.certDer)}${toPem(pki.intermediate.certDer)}`);
  signed = await signPdf(await makeDraftPdf(), { fieldName: 'ChuKyCoQuan', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, softSigner(pki.organization, [pki.intermediate.certDer]));
  axis = await startTestAxis({
    systems: [A, B].map((s) => ({ systemId: s.systemId, secret: s.secret, agencyCode: s.code })),
    agencies: [A, B].map((s, i) => ({ id: String(i + 1), code: s.codeQd20, code102: s.code, name: s.name })),
  });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await axis?.close();
  await responder?.close();
  if (savedPins === undefined) delete process.env[EXTRA_PINS_ENV];
  else process.env[EXTRA_PINS_ENV] = savedPins;
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function signIn(page: Page, host: TestWebHost): Promise<void> {
  const auth = new AuthPage(page);
  await page.goto(host.authUrl);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  // The administrator imports the pinned root (Cài đặt → trust), as on a real workstation.
  const bundle = await host.invoke('files.put', { mediaType: 'application/octet-stream', dataBase64: trustBundle.toString('base64') });
  const file = (bundle.body as { ok: true; value: { sha256: string } }).value.sha256;
  const imported = await host.invoke('signing.trustImport', { file });
  expect(imported.body).toMatchObject({ ok: true });
  await new SettingsPage(page).addAccountFromAnywhere(CLERK, 'Văn thư');
  await auth.logout();
  await auth.login(CLERK);
}

/** A's document put in its store and sent through the exchange flow (the web-host API, as the app would). */
async function send(host: TestWebHost, input: { number: string; subject: string; urgency: 'thuong' | 'hoa-toc'; pdf: Uint8Array }): Promise<string> {
  const pdf = Buffer.from(input.pdf);
  const put = await host.invoke('files.put', { mediaType: 'application/pdf', dataBase64: pdf.toString('base64') });
  const stored = put.body as { ok: true; value: { sha256: string } };
  expect(stored.ok).toBe(true);
  const sent = await host.invoke('exchange.sendDocument', {
    codeNumber: input.number,
    codeNotation: 'VPCP-VP',
    subject: input.subject,
    typeName: 'Công văn',
    promulgationDate: '2026-11-20',
    place: 'Hà Nội',
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chánh Văn phòng',
    urgency: input.urgency,
    attachments: [{ sha256: stored.value.sha256, name: `cong-van-${input.number}.pdf` }],
    to: [B.code],
  });
  const answer = sent.body as { ok: boolean; value: { record: { documentId: string } } };
  expect(answer.ok).toBe(true);
  await host.invoke('exchange.syncNow', {});
  return answer.value.record.documentId;
}

test('A sends, B registers / returns / answers a revocation, and A sees every status', async ({ browser }) => {
  const hostA = await station(A);
  const hostB = await station(B);
  const pageA = await (await browser.newContext()).newPage();
  const pageB = await (await browser.newContext()).newPage();
  await signIn(pageA, hostA);
  await signIn(pageB, hostB);
  // A Content-Security-Policy refusal (e.g. of the chart's styles) would show here.
  const consoleErrors: string[] = [];
  pageA.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  const exA = new ExchangePage(pageA);
  const exB = new ExchangePage(pageB);

  // The second is changed after signing: one byte inside the signed range (the page content), not in /Contents.
  const tampered = Uint8Array.from(signed);
  const at = Buffer.from(tampered).indexOf('stream') + 12;
  tampered[at] = tampered[at]! ^ 0x01;
  await send(hostA, { number: '101', subject: 'Về việc tổng kết công tác văn thư năm 2026', urgency: 'thuong', pdf: signed });
  await send(hostA, { number: '102', subject: 'Về việc báo cáo số liệu bị sửa', urgency: 'thuong', pdf: tampered });
  await send(hostA, { number: '103', subject: 'Về việc phòng chống bão số 9', urgency: 'hoa-toc', pdf: signed });

  // B: the three arrive in Văn bản đến chờ xử lý; the Hỏa tốc one first and alarmed until opened (Art. 9.3).
  await exB.syncUntil(async () => expect(exB.incomingRows).toHaveCount(3, { timeout: 5_000 }));
  await expect(exB.incomingRows.first()).toContainText('Hỏa tốc');
  await expect(exB.incomingRows.first()).toContainText('phòng chống bão');
  await expect(pageB.locator('.urgent-alarm')).toContainText('Có 1 văn bản khẩn');
  // The signatures are verified in B's main process: valid, and the tampered one invalid (Art. 9.2).
  await expect(exB.incomingRows.filter({ hasText: 'tổng kết' })).toContainText('Chữ ký số hợp lệ', { timeout: 90_000 });
  await expect(exB.incomingRows.filter({ hasText: 'số liệu bị sửa' })).toContainText('Chữ ký số không hợp lệ', { timeout: 90_000 });

  // B registers the first from the form filled from the edXML header: Enter saves (Art. 9.1, 9.4).
  await exB.openIncoming('tổng kết công tác văn thư');
  await expect(pageB.getByLabel('Số, ký hiệu')).toHaveValue('101/VPCP-VP');
  await expect(pageB.getByLabel('Cơ quan ban hành')).toHaveValue(A.name);
  await expect(pageB.getByLabel('Ngày văn bản')).toHaveValue('20/11/2026');
  await pageB.getByLabel('Trích yếu').press('Enter');
  await expect(pageB.locator('.exchange-inbox .notice-ok')).toContainText('số đến 1');

  // B returns the second with 02 and the reason.
  await exB.openIncoming('số liệu bị sửa');
  await pageB.getByLabel('Lý do trả lại').fill('Tệp đính kèm bị sửa đổi sau khi ký');
  await pageB.getByRole('button', { name: 'Trả lại (02)' }).click();
  await expect(exB.incomingRows).toHaveCount(1);

  // B opens the urgent one: the alarm stops.
  await exB.openIncoming('phòng chống bão');
  await expect(pageB.locator('.urgent-alarm')).toHaveCount(0);
  await pageB.getByLabel('Trích yếu').press('Enter');
  await expect(pageB.locator('.exchange-inbox .notice-ok')).toContainText('số đến 2');
  await exB.syncNow();

  // A: the timeline shows 01 then 03 for the first, and 02 with the reason for the second.
  await exA.openExchangeView();
  const first = exA.sentDocument('tổng kết công tác văn thư');
  // The timeline reloads on every sync.status event; "Đồng bộ ngay" only makes A poll sooner.
  await exA.syncUntil(async () => expect(first.locator('[data-status]')).toHaveCount(2, { timeout: 5_000 }));
  await expect(first.locator('[data-status]').nth(0)).toHaveAttribute('data-status', '01');
  await expect(first.locator('[data-status]').nth(1)).toHaveAttribute('data-status', '03');
  const second = exA.sentDocument('số liệu bị sửa');
  await exA.syncUntil(async () => expect(second.locator('[data-status="02"]')).toContainText('Tệp đính kèm bị sửa đổi sau khi ký', { timeout: 5_000 }));

  // A revokes the third (13 with a reason); B answers 15 and its entry shows cancelled (Art. 9.5).
  const third = exA.sentDocument('phòng chống bão');
  await third.getByRole('button', { name: 'Thu hồi' }).click();
  await third.getByLabel('Lý do thu hồi').fill('Ban hành nhầm nơi nhận');
  await third.getByRole('button', { name: 'Gửi yêu cầu thu hồi (13)' }).click();
  await expect(third).toContainText('Đã yêu cầu thu hồi: Ban hành nhầm nơi nhận');
  await hostA.invoke('exchange.syncNow', {});

  await pageB.keyboard.press('Alt+1');
  await exB.syncUntil(async () => expect(exB.incomingRows.filter({ hasText: 'phòng chống bão' })).toHaveCount(1, { timeout: 5_000 }));
  await exB.openIncoming('phòng chống bão');
  await expect(pageB.getByText('Lý do: Ban hành nhầm nơi nhận')).toBeVisible();
  await pageB.getByRole('button', { name: 'Đồng ý thu hồi (15)' }).click();
  await expect(pageB.locator('.exchange-inbox .notice-ok')).toContainText('Đã đồng ý thu hồi');
  const register = new RegisterPage(pageB);
  await register.openIncoming();
  await expect(register.row('phòng chống bão')).toContainText('Đã hủy');

  await exB.syncNow();
  await exA.syncUntil(async () => expect(third.locator('[data-status="15"]')).toHaveCount(1, { timeout: 5_000 }));

  // A: Art. 16 statistics for the period, a chart.js chart under the app's CSP, and the .xlsx export.
  await pageA.keyboard.press('Alt+9');
  await expect(pageA.getByRole('heading', { name: /Thống kê văn bản điện tử/ })).toBeVisible();
  await pageA.getByLabel('Từ ngày').fill('01/01/2026');
  await pageA.getByLabel('Đến ngày').fill('31/12/2026');
  await pageA.getByRole('button', { name: 'Xem' }).click();
  const total = pageA.locator('[data-row="total"] td');
  await expect(total.nth(0)).toHaveText('3'); // Đã gửi
  await expect(total.nth(4)).toHaveText('1'); // Thu hồi: B answered 15 to the third
  await expect(total.nth(5)).toHaveText('1'); // Khẩn trở lên: the Hỏa tốc one
  await expect(pageA.locator('.stats-chart canvas')).toHaveAttribute('height', /\d+/);
  const download = pageA.waitForEvent('download');
  await pageA.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('thong-ke-lien-thong-2026-01-01-2026-12-31.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  expect(workbook.getWorksheet('Theo tháng')?.getCell('A2').value).toBe('THỐNG KÊ VĂN BẢN ĐIỆN TỬ GỬI, NHẬN QUA TRỤC LIÊN THÔNG');
  expect(consoleErrors).toEqual([]);
});

/**
 * Sync throughput (issue 8): 1,000 packages, each carrying a two-signature PDF of about 300 KB (personal approval
 * + organization signature, soft signer over the test PKI), delivered by the loopback test axis, then received by
 * the sync engine (spooled with fsync before `done`), read by the edXML reader (attachment into the blob store),
 * every PDF verified with verifyPdf and the package queued for registration and confirmed. Reference in the same
 * run: verifyPdf alone over the same files. Then the crash scenario with BENCH_KILLS (default 100) SIGKILLs.
 * Last line: RESULT sync packages_per_s=… ratio=… max_rss_mb=…
 * Env: BENCH_PACKAGES (1000), BENCH_DISTINCT (distinct signed PDFs, default 100), BENCH_KILLS (100, 0 = skip).
 */
import '../../src/main/signing/reflect-shim';
import { randomBytes, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { createAxisClient } from '../../src/main/exchange/axis/create-axis-client';
import type { ReceivedAttachment } from '../../src/main/exchange/edxml/edxml-api';
import { summarize } from '../../src/main/exchange/edxml/inspect-package';
import { readPackage } from '../../src/main/exchange/edxml/read-package';
import { createIncomingSpool } from '../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../src/main/exchange/spool/outgoing-spool';
import { createSyncEngine } from '../../src/main/exchange/sync/sync-engine';
import { fillNumberDate, prepareNumberDateFields } from '../../src/main/pdf/number-date-fields';
import { signPdf, type CmsSigner } from '../../src/main/pdf/pades-sign';
import { verifyPdf, type VerifyOptions } from '../../src/main/signing/verify/verify-pdf';
import { createBlobStore } from '../../src/main/storage/blob-store';
import { runCrashScenario } from '../../test/support/axis/crash-driver';
import { samplePackage } from '../../test/support/axis/sample-package';
import { startTestAxis } from '../../test/support/axis/test-axis';
import { makeDraftPdf } from '../../test/support/pki/sample-documents';
import { createTestPki, type TestIdentity } from '../../test/support/pki/test-pki';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 1000);
const DISTINCT = Math.min(PACKAGES, Number(process.env.BENCH_DISTINCT ?? 100));
const KILLS = Number(process.env.BENCH_KILLS ?? 100);
const ME = { systemId: 'bench-me', secret: 'bench-secret-0001', agencyCode: '000.00.00.H35' };
const PEER = { systemId: 'bench-peer', secret: 'bench-secret-0002', agencyCode: '000.00.00.G22' };

const signerOf = (id: TestIdentity, chain: Uint8Array[]): CmsSigner => ({
  certDer: id.certDer,
  chainDers: chain,
  keyAlgorithm: id.privateKey.asymmetricKeyType === 'ec' ? 'EC' : 'RSA',
  sign: async (tbs) => new Uint8Array(nodeSign('sha256', tbs, id.privateKey)),
});

/** A two-page draft with a ~280 KB incompressible image (a scanned seal page), signed twice. */
async function signedPdf(personal: CmsSigner, organization: CmsSigner, n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makeDraftPdf({ pages: 2 }));
  const w = 320;
  const h = 290;
  const image = doc.context.register(doc.context.stream(randomBytes(w * h * 3), { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  const page = doc.getPage(0);
  const resources = page.node.Resources() ?? doc.context.obj({});
  resources.set(PDFName.of('XObject'), doc.context.obj({ Scan1: image }));
  page.node.set(PDFName.of('Resources'), resources);
  const content = doc.context.register(doc.context.stream('q 160 0 0 145 60 40 cm /Scan1 Do Q'));
  page.node.addContentStream(content);
  const draft = await prepareNumberDateFields(await doc.save({ useObjectStreams: false }));
  const a = await signPdf(draft, { fieldName: 'KyDuyet', pageIndex: 1, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, personal);
  const b = await fillNumberDate(a, String(n + 1), '2026-11-20');
  return signPdf(b, { fieldName: 'KySoCoQuan', pageIndex: 1, rect: null, appearance: {}, signingTime: new Date() }, organization);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'vanthu-bench-sync-'));
  try {
    const pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
    const chain = [pki.intermediate.certDer];
    const verifyOptions: VerifyOptions = { trust: { anchors: [pki.root.certDer], intermediates: chain, allowLiveFetch: false } };
    console.log(`Tạo ${DISTINCT} PDF hai chữ ký ...`);
    const pdfs: Uint8Array[] = [];
    for (let i = 0; i < DISTINCT; i += 1) pdfs.push(await signedPdf(signerOf(pki.personal, chain), signerOf(pki.organization, chain), i));
    const avgKb = pdfs.reduce((s, p) => s + p.length, 0) / pdfs.length / 1024;
    const packages = Array.from({ length: PACKAGES }, (_, i) => samplePackage({ documentId: `BENCH-${i}`, codeNumber: String(i + 1), attachment: pdfs[i % DISTINCT] }));
    console.log(`${PACKAGES} gói tin, PDF trung bình ${avgKb.toFixed(0)} KB, gói trung bình ${(packages.reduce((s, p) => s + p.length, 0) / PACKAGES / 1024).toFixed(0)} KB`);

    // Reference: verifyPdf alone over the same files (after a warm-up).
    await verifyPdf(pdfs[0]!, verifyOptions);
    let t0 = performance.now();
    const refVerdicts: Record<string, number> = {};
    for (let i = 0; i < PACKAGES; i += 1) {
      const v = await verifyPdf(pdfs[i % DISTINCT]!, verifyOptions);
      refVerdicts[v.verdict] = (refVerdicts[v.verdict] ?? 0) + 1;
    }
    const verifyPerS = PACKAGES / ((performance.now() - t0) / 1000);
    console.log(`chỉ kiểm tra chữ ký: ${verifyPerS.toFixed(1)} tệp/s ${JSON.stringify(refVerdicts)}`);

    // Sync: test axis → spool → edXML reader → verify → registration queue → confirm.
    const axis = await startTestAxis({ systems: [ME, PEER] });
    for (const p of packages) axis.deliver(ME.agencyCode, p, { from: PEER.agencyCode });
    const dataDir = join(work, 'sync');
    const blobs = createBlobStore({ dataDir });
    const queue: Array<{ id: string; verdicts: string[] }> = [];
    const attachmentsOf = new Map<string, ReceivedAttachment[]>();
    const verdicts: Record<string, number> = {};
    let done = 0;
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const engine = createSyncEngine({
      incoming: createIncomingSpool({ dir: join(dataDir, 'exchange/incoming'), maxPackageBytes: 64 << 20 }),
      outgoing: createOutgoingSpool({ dir: join(dataDir, 'exchange/outgoing'), maxPackageBytes: 64 << 20 }),
      client: async () => createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: ME.systemId, secret: ME.secret }),
      hooks: {
        // One read per package: the attachments go to the blob store while the engine inspects it.
        inspect: async (path, item) => {
          const outcome = await readPackage(path, { blobs });
          if (outcome.kind === 'edoc') attachmentsOf.set(item.id, outcome.attachments);
          return summarize(outcome);
        },
        onReady: async (item) => {
          const itemVerdicts: string[] = [];
          {
            for (const a of attachmentsOf.get(item.id) ?? []) {
              if (a.sniffed !== 'pdf') continue;
              const v = await verifyPdf((await blobs.get(a.sha256)).bytes, verifyOptions);
              itemVerdicts.push(v.verdict);
              verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
            }
          }
          attachmentsOf.delete(item.id);
          queue.push({ id: item.id, verdicts: itemVerdicts });
          await engine.confirmIngested(item.id);
          done += 1;
          if (done === PACKAGES) finish();
        },
      },
      pollIntervalMs: 20,
      maxPackageBytes: 64 << 20,
    });
    t0 = performance.now();
    await engine.start();
    await finished;
    const syncS = (performance.now() - t0) / 1000;
    await engine.stop();
    await axis.close();
    const syncPerS = PACKAGES / syncS;
    const ratio = syncPerS / verifyPerS;
    console.log(`đồng bộ: ${syncPerS.toFixed(1)} gói/s (${syncS.toFixed(1)} s), hàng đợi vào sổ ${queue.length}, kết quả ${JSON.stringify(verdicts)}, tỉ lệ ${ratio.toFixed(2)} (mục tiêu ≥ 0,8)`);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;

    let crash = 'bo_qua';
    if (KILLS > 0) {
      const crashAxis = await startTestAxis({ systems: [ME, PEER] });
      const outcome = await runCrashScenario({ axis: crashAxis, me: ME, peer: PEER.agencyCode, dataDir: join(work, 'crash'), packages: 200, outgoing: 20, kills: KILLS, seed: 8, finishDeadlineMs: 600_000 });
      await crashAxis.close();
      const ids = outcome.registerLines.map((l) => l.split('\t')[0]);
      const ok = outcome.selfExits === 0 && outcome.auditProblems.length === 0 && outcome.tmpLeft.length === 0 && ids.length === 200 && new Set(ids).size === 200 && outcome.counts['outgoing/sent'] === 20;
      crash = ok ? 'ok' : 'LOI';
      console.log(`thử sập: ${outcome.kills} lần SIGKILL, đã vào sổ ${new Set(ids).size}/200 (trùng ${ids.length - new Set(ids).size}), lỗi hàng đợi ${outcome.auditProblems.length}, gửi ${outcome.counts['outgoing/sent']}/20 → ${crash}`);
    }
    console.log(`RESULT sync packages_per_s=${syncPerS.toFixed(1)} ratio=${ratio.toFixed(2)} max_rss_mb=${maxRssMb.toFixed(0)} verify_per_s=${verifyPerS.toFixed(1)} kills=${KILLS} crash=${crash}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

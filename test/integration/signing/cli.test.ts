// `npx vanthu sign|verify` end to end on SoftHSM2 (issue 3): the PIN only from VANTHU_PIN, clear errors for a
// wrong PIN, a locked token, expired and revoked certificates and a wrong issuing date, and no partial file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localIsoDate } from '../../../src/shared/util/time';
import { createSigningFixture, EXPIRED_KEY, LOCKED_TOKEN, ORG_TOKEN, PERSONAL_TOKEN, REVOKED_KEY, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { toPem } from '../../support/pki/test-pki';
import { startTestTsa } from '../../support/pki/tsa-server';

const REPO = join(import.meta.dirname, '../../..');
let fx: SigningFixture;
let dir: string;
let trustDir: string;

function vanthu(args: string[], pin?: string, dataDir = join(dir, 'data')): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SOFTHSM2_CONF: fx.hsm.confPath, VANTHU_DATA_DIR: dataDir };
  if (pin === undefined) delete env.VANTHU_PIN;
  else env.VANTHU_PIN = pin;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO, 'bin/vanthu.mjs'), ...args], { env, cwd: REPO, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function signArgs(token: { tokenLabel: string; keyLabel: string }, input: string, out: string, role: string, extra: string[] = []): string[] {
  return ['sign', '--module', fx.hsm.modulePath, '--token', token.tokenLabel, '--key-label', token.keyLabel, '--in', input, '--out', out, '--role', role, '--trust', trustDir, ...extra];
}

beforeAll(async () => {
  fx = await createSigningFixture();
  dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-'));
  trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'root.pem'), toPem(fx.pki.root.certDer));
  writeFileSync(join(trustDir, 'intermediate.pem'), toPem(fx.pki.intermediate.certDer));
  writeFileSync(join(dir, 'draft.pdf'), await makeDraftPdf());
});

afterAll(async () => {
  await fx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('vanthu CLI', () => {
  it('signs personal then organization and verifies the result with --json (exit 0)', async () => {
    const personal = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'p.pdf'), 'personal'), PERSONAL_TOKEN.pin);
    expect(personal.code, personal.stderr).toBe(0);
    const today = localIsoDate(new Date());
    const org = await vanthu(signArgs(ORG_TOKEN, join(dir, 'p.pdf'), join(dir, 'final.pdf'), 'organization', ['--number', '16', '--notation', 'QĐ-UBND', '--date', today]), ORG_TOKEN.pin);
    expect(org.code, org.stderr).toBe(0);
    const v = await vanthu(['verify', '--json', '--trust', trustDir, join(dir, 'final.pdf')]);
    expect(v.code, v.stderr).toBe(0);
    const line = JSON.parse(v.stdout.trim()) as { file: string; verdict: string; reasons: string[]; signatures: Array<{ signer: string; time: string; revision: number; verdict: string }> };
    expect(line.verdict).toBe('valid-with-allowed-changes');
    expect(line.signatures.map((s) => s.signer)).toEqual(['Nguyễn Văn An', 'Ủy ban nhân dân xã Thử Nghiệm']);
    expect(line.signatures[0]?.revision).toBeGreaterThan(0);
    expect(line.signatures[0]?.time).toMatch(/\+07:00$/);
  });

  it('exits 1 with one JSON line per file when any file is not valid; --integrity-only skips trust', async () => {
    const bad = join(REPO, '../shared/pdf-attack-samples/isa-swa-itext/siwa.pdf');
    const good = join(REPO, '../shared/pdf-attack-samples/certification/minimal_cert.pdf');
    const r = await vanthu(['verify', '--json', '--integrity-only', good, bad]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { verdict: string });
    expect(lines.map((l) => l.verdict)).toEqual(['valid', 'invalid']);
    const untrusted = await vanthu(['verify', '--json', '--trust', trustDir, '--offline', good]);
    expect(untrusted.code).toBe(1);
    expect((JSON.parse(untrusted.stdout) as { verdict: string }).verdict).toBe('unknown');
  });

  it('--tsa makes the signature PAdES B-T (the time is proven by the TSA); a non-http --tsa is refused before the token', async () => {
    const tsa = await startTestTsa(fx.pki);
    try {
      const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'bt.pdf'), 'personal', ['--tsa', tsa.url]), PERSONAL_TOKEN.pin);
      expect(r.code, r.stderr).toBe(0);
      expect(tsa.requests).toBe(1);
      const v = await vanthu(['verify', '--json', '--trust', trustDir, join(dir, 'bt.pdf')]);
      const line = JSON.parse(v.stdout.trim()) as { verdict: string; reasons: string[]; signatures: Array<{ reasons: string[] }> };
      expect(line.verdict).toBe('valid');
      expect(JSON.stringify(line)).toContain('dấu thời gian');
    } finally {
      await tsa.close();
    }
    const bad = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'bad-tsa.pdf'), 'personal', ['--tsa', 'file:///etc/passwd']), PERSONAL_TOKEN.pin);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tsa');
    expect(existsSync(join(dir, 'bad-tsa.pdf'))).toBe(false);
  });

  it('--ltv embeds the chain and revocation answers (PAdES B-LT): verified offline in a fresh data directory; pdfsig and qpdf accept it', async () => {
    const out = join(dir, 'blt.pdf');
    const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), out, 'personal', ['--ltv']), PERSONAL_TOKEN.pin);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(PAdES B-LT)');
    expect(readFileSync(out).includes('/DSS')).toBe(true);
    // A commune office with no link and an empty revocation cache: the DSS decides (issue 6, "Beyond the anchors").
    const v = await vanthu(['verify', '--json', '--trust', trustDir, '--offline', out], undefined, join(dir, 'data-commune'));
    expect(v.code, v.stdout).toBe(0);
    expect((JSON.parse(v.stdout.trim()) as { verdict: string }).verdict).toBe('valid');
    // The same signature without the DSS cannot be judged there.
    const plain = join(dir, 'bb.pdf');
    expect((await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), plain, 'personal'), PERSONAL_TOKEN.pin)).code).toBe(0);
    const without = await vanthu(['verify', '--json', '--trust', trustDir, '--offline', plain], undefined, join(dir, 'data-commune-2'));
    expect((JSON.parse(without.stdout.trim()) as { verdict: string }).verdict).toBe('unknown');
    const pdfsig = await new Promise<{ code: number; stdout: string }>((resolve) => execFile('pdfsig', ['-nocert', out], { encoding: 'utf8' }, (e, stdout) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout })));
    expect(pdfsig.code).toBe(0);
    expect(pdfsig.stdout).toContain('Signature is Valid');
    const qpdf = await new Promise<number>((resolve) => execFile('qpdf', ['--check', out], (e) => resolve(e ? Number(e.code ?? 1) : 0)));
    expect(qpdf).toBe(0);
  });

  it('--lta adds a document timestamp after the DSS (PAdES B-LTA); --ltv offline and --lta without --tsa are usage errors', async () => {
    const tsa = await startTestTsa(fx.pki);
    try {
      const out = join(dir, 'blta.pdf');
      const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), out, 'personal', ['--lta', '--tsa', tsa.url]), PERSONAL_TOKEN.pin);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('(PAdES B-LTA)');
      const bytes = readFileSync(out);
      expect(bytes.includes('/DSS') && bytes.includes('/ETSI.RFC3161')).toBe(true);
      const v = await vanthu(['verify', '--json', '--trust', trustDir, '--offline', out], undefined, join(dir, 'data-commune-lta'));
      expect((JSON.parse(v.stdout.trim()) as { verdict: string }).verdict).toBe('valid');
    } finally {
      await tsa.close();
    }
    for (const extra of [['--ltv', '--offline'], ['--lta']]) {
      const out = join(dir, `refused-${extra.join('')}.pdf`);
      const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), out, 'personal', extra), PERSONAL_TOKEN.pin);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--ltv|--lta/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--offline signs with the warning "chưa kiểm tra được tình trạng thu hồi" (issue 6, item 8), never as checked', async () => {
    // A data directory whose revocation cache is empty (the other tests fill theirs online).
    const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'offline.pdf'), 'personal', ['--offline']), PERSONAL_TOKEN.pin, join(dir, 'data-offline'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/: hợp lệ$/m);
    expect(r.stdout).toContain('Cảnh báo: chưa kiểm tra được tình trạng thu hồi');
    expect(existsSync(join(dir, 'offline.pdf'))).toBe(true);
  });

  it('takes the PIN only from VANTHU_PIN', async () => {
    const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'nopin.pdf'), 'personal'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VANTHU_PIN');
    expect(existsSync(join(dir, 'nopin.pdf'))).toBe(false);
  });

  it('wrong PIN: PIN_INCORRECT with the tries-left state, the PIN never printed, no file', async () => {
    const r = await vanthu(signArgs(PERSONAL_TOKEN, join(dir, 'draft.pdf'), join(dir, 'wrong.pdf'), 'personal'), '000000');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PIN_INCORRECT');
    expect(r.stderr).toMatch(/trạng thái PIN: (count-low|final-try)/);
    expect(r.stderr + r.stdout).not.toContain('000000');
    expect(existsSync(join(dir, 'wrong.pdf'))).toBe(false);
  });

  it('locked token, expired and revoked certificates, another issuing date: clear errors and no partial file', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [signArgs(LOCKED_TOKEN, join(dir, 'draft.pdf'), join(dir, 'x1.pdf'), 'personal'), LOCKED_TOKEN.pin, /PIN_LOCKED/],
      [signArgs(EXPIRED_KEY, join(dir, 'draft.pdf'), join(dir, 'x2.pdf'), 'personal'), EXPIRED_KEY.pin, /CERT_EXPIRED/],
      [signArgs(REVOKED_KEY, join(dir, 'draft.pdf'), join(dir, 'x3.pdf'), 'personal'), REVOKED_KEY.pin, /CERT_REVOKED/],
      [signArgs(ORG_TOKEN, join(dir, 'p.pdf'), join(dir, 'x4.pdf'), 'organization', ['--number', '17', '--date', '2020-01-02']), ORG_TOKEN.pin, /Art\. 11\.2/],
    ];
    for (const [args, pin, expected] of cases) {
      const r = await vanthu(args, pin);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(expected);
    }
    expect(readdirSync(dir).filter((n) => /^x\d|\.tmp$/.test(n))).toEqual([]);
  });
});

// Command-line conventions (issue 6 "Done when"): `--help` prints the usage on stdout and exits 0, for vanthu and
// for each of its commands; a wrong argument exits 2 with the usage on stderr, in Vietnamese.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../../..');

function vanthu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO, 'bin/vanthu.mjs'), ...args], { cwd: REPO, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('vanthu usage', () => {
  it.each([
    [['--help'], /Cách dùng: vanthu LỆNH/],
    [['-h'], /vanthu verify TỆP\.pdf/],
    [['verify', '--help'], /Cách dùng: vanthu verify .*--integrity-only/],
    [['sign', '--help'], /Mã PIN lấy từ biến môi trường VANTHU_PIN/],
  ])('%j prints the usage on stdout and exits 0', async (args, text) => {
    const r = await vanthu(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(text);
    expect(r.stderr).toBe('');
  });

  it.each([
    [[], /Thiếu lệnh/, /Cách dùng: vanthu LỆNH/],
    [['xoa-het'], /Lệnh không hợp lệ: xoa-het/, /Cách dùng: vanthu LỆNH/],
    [['verify', '--khong-co', 'a.pdf'], /tùy chọn không hợp lệ: --khong-co/, /Cách dùng: vanthu verify/],
    [['verify'], /Cần ít nhất một tệp PDF/, /Cách dùng: vanthu verify/],
    [['sign', '--module'], /thiếu giá trị cho tùy chọn --module/, /Cách dùng: vanthu sign/],
    [['sign', '--in', 'a.pdf'], /Thiếu --module/, /Cách dùng: vanthu sign/],
  ])('%j is a usage error: exit 2, the reason and the usage on stderr', async (args, reason, usage) => {
    const r = await vanthu(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toMatch(usage);
  });
});

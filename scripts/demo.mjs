// `npm run demo`: the loopback test axis and two workstations (agency A and agency B, two data directories, two
// ports) on the built web host, so a newcomer sees documents flow between agencies (issue 8). Prints both
// addresses; Ctrl+C stops everything and removes the demo data.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { createInterface } from 'node:readline';

process.removeAllListeners('warning');
if (!existsSync('dist/node/web-host.mjs')) {
  console.error('Chưa có bản dựng: chạy "npm run build" trước (npm run demo làm việc này).');
  process.exit(1);
}
register('../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
const { setUpDemo } = await import('./demo-setup.ts');
const { axis, stations } = await setUpDemo();
console.log(`Trục liên thông thử nghiệm: ${axis.url}`);

const children = stations.map((s) => {
  const child = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', s.dataDir, '--port', String(s.port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const url = /^VANTHU_URL=(.*)$/.exec(line);
    if (url) console.log(`Cơ quan ${s.label} — ${s.name} (${s.code}): ${url[1]}`);
  });
  return child;
});
console.log('Mở hai đường dẫn trên bằng Chromium (hai cửa sổ). Nhấn Ctrl+C để dừng bản thử.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
let left = children.length;
for (const c of children) {
  c.on('exit', () => {
    left -= 1;
    if (left > 0) {
      stop();
      return;
    }
    for (const s of stations) rmSync(s.dataDir, { recursive: true, force: true });
    void axis.close().finally(() => process.exit(0));
  });
}

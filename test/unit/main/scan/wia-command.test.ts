/**
 * The WIA adapter's command construction (it runs only on Windows): a constant script passed as -EncodedCommand,
 * every value in VANTHU_WIA_* environment variables, device ids validated; and its handling of the script's output,
 * driven by a stand-in process (node printing what the script would print).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isWiaDeviceId, parseWiaLine, scanValues, wiaCommand, wiaReason } from '../../../../src/main/scan/devices/wia/wia-command';
import { wiaScript } from '../../../../src/main/scan/devices/wia/wia-script';
import { createWiaScanner } from '../../../../src/main/scan/devices/wia/wia-scanner';
import type { ScannedPage } from '../../../../src/main/scan/scanner';

const ID = '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001';
const SETTINGS = { resolution: 300, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 20 } as const;

function decoded(args: string[]): string {
  return Buffer.from(args.at(-1) ?? '', 'base64').toString('utf16le');
}

describe('WIA command construction', () => {
  it('passes the constant script as -EncodedCommand and never puts a value into it', () => {
    const hostile = `C:\\Temp\\x'; Remove-Item -Recurse C:\\ ; '`;
    const cmd = wiaCommand('scan', { ...scanValues(`wia:${ID}`, SETTINGS, hostile, { width: 216, height: 356 }) });
    expect(cmd.command).toBe('powershell.exe');
    expect(cmd.args.slice(0, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(decoded(cmd.args)).toBe(wiaScript('scan'));
    expect(decoded(cmd.args)).not.toContain('Remove-Item');
    expect(cmd.env).toEqual({
      VANTHU_WIA_DEVICE_ID: ID,
      VANTHU_WIA_OUT_DIR: hostile,
      VANTHU_WIA_SOURCE: 'adf',
      VANTHU_WIA_DPI: '300',
      VANTHU_WIA_INTENT: '2',
      VANTHU_WIA_WIDTH_PX: '2480',
      VANTHU_WIA_HEIGHT_PX: '3508',
      VANTHU_WIA_MAX_PAGES: '20',
    });
    // The script reads values only as $env:VANTHU_WIA_* data, never through Invoke-Expression.
    expect(wiaScript('scan')).not.toMatch(/Invoke-Expression|iex |\$ExecutionContext/);
  });

  it.each([
    [ID, true],
    ['{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000', true],
    ["{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000'; calc", false],
    ['6BDD1FC6-810F-11D0-BEC7-08002BE2092F', false],
    ['', false],
  ])('device id %j acceptable: %s', (id, ok) => {
    expect(isWiaDeviceId(id)).toBe(ok);
  });

  it('refuses a malformed wia: id before anything runs', () => {
    expect(() => scanValues('wia:$(calc)', SETTINGS, 'C:\\t', { width: 216, height: 297 })).toThrow(/WIA không hợp lệ/);
  });

  it('parses output lines and maps WIA HRESULTs', () => {
    expect(parseWiaLine(`DEVICE {"id":"${ID.replace('\\', '\\\\')}","name":"Canon DR-C225"}`)).toEqual({ kind: 'device', id: ID, name: 'Canon DR-C225' });
    expect(parseWiaLine('DEVICE {"id":"evil","name":"x"}')).toBeUndefined();
    expect(parseWiaLine('PAGE 3')).toEqual({ kind: 'page', n: 3 });
    expect(parseWiaLine('ERROR 0x80210002 Paper jam')).toEqual({ kind: 'error', hresult: 0x80210002, text: 'Paper jam' });
    expect(parseWiaLine('WARNING: something')).toBeUndefined();
    expect(wiaReason(0x80210002)).toBe('jammed');
    expect(wiaReason(0x80210003)).toBe('feeder-empty');
    expect(wiaReason(0x80210016)).toBe('cover-open');
    expect(wiaReason(0x80210005)).toBe('device-gone');
    expect(wiaReason(0x80004005)).toBe('io-error');
  });
});

/** A stand-in for powershell.exe: a node process printing the given lines, per action. */
function standIn(outputs: { caps: string[]; scan: string[] }, seen: Array<{ args: string[]; env: NodeJS.ProcessEnv | undefined }>) {
  return (_command: string, args: string[], options: SpawnOptions) => {
    seen.push({ args, env: options.env });
    const script = decoded(args);
    const lines = script.includes("'CAPS '") ? outputs.caps : outputs.scan;
    return spawn(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(lines.join('\n') + '\n')})`], options);
  };
}

const CAPS_LINE = 'CAPS {"handling":7,"resolutionSubType":2,"resolutions":[100,200,300],"widthThousandths":8500,"heightThousandths":14000}';

describe('WIA adapter with a stand-in process', () => {
  it('reads capabilities and reports pages; a jam keeps the pages before it', async () => {
    const seen: Array<{ args: string[]; env: NodeJS.ProcessEnv | undefined }> = [];
    const wia = createWiaScanner({ spawnProcess: standIn({ caps: [CAPS_LINE, 'END'], scan: ['PAGE 1', 'PAGE 2', 'ERROR 0x80210002 Paper jam'] }, seen), env: {} });
    expect(await wia.capabilities(`wia:${ID}`, new AbortController().signal)).toEqual({ resolutions: [100, 200, 300], colorModes: ['color', 'gray', 'lineart'], sources: ['flatbed', 'adf', 'duplex'], maxWidthMm: 216, maxHeightMm: 356 });
    const pages: ScannedPage[] = [];
    const outcome = await wia.scan(`wia:${ID}`, SETTINGS, { signal: new AbortController().signal, workDir: '/tmp/wia-work', onPage: (p) => pages.push(p) });
    expect(pages.map((p) => p.path)).toEqual(['/tmp/wia-work/page-0001.png', '/tmp/wia-work/page-0002.png']);
    expect(outcome).toMatchObject({ interruption: { reason: 'jammed' } });
    expect(seen.at(-1)?.env?.['VANTHU_WIA_DEVICE_ID']).toBe(ID);
  });

  it('an empty feeder is the normal end; a process that dies without END means the device is gone', async () => {
    const wia = createWiaScanner({ spawnProcess: standIn({ caps: [CAPS_LINE], scan: ['PAGE 1', 'ERROR 0x80210003 empty'] }, []), env: {} });
    const run = { signal: new AbortController().signal, workDir: '/tmp/w', onPage: () => undefined };
    expect(await wia.scan(`wia:${ID}`, SETTINGS, run)).toEqual({ pages: [{ path: '/tmp/w/page-0001.png', format: 'png' }] });
    const dying = createWiaScanner({ spawnProcess: standIn({ caps: [CAPS_LINE], scan: ['PAGE 1'] }, []), env: {} });
    expect(await dying.scan(`wia:${ID}`, SETTINGS, run)).toMatchObject({ interruption: { reason: 'device-gone' } });
  });
});

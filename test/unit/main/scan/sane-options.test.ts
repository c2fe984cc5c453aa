/** Parsing of scanimage output and the argument array of a scan (no scanner needed). */
import { describe, expect, it } from 'vitest';
import { classifyExit, saneName, scanArgs } from '../../../../src/main/scan/devices/sane-scanner';
import { isSaneDeviceName, LIST_FIELD_SEPARATOR, parseDeviceList, parseOptions, toCapabilities } from '../../../../src/main/scan/devices/sane-options';

// Option lines as a real network scanner prints them (epson2 style), and as the test backend does.
const EPSON_HELP = `
All options specific to device \`epson2:net:10.0.0.5':
  Scan Mode:
    --mode Lineart|Gray|Color [Lineart]
        Selects the scan mode.
    --resolution 75|150|300|600dpi [75]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder|ADF Duplex [Flatbed]
        Selects the scan source.
  Geometry:
    -l 0..215.9mm [0]
    -t 0..297.18mm [0]
    -x 0..215.9mm [215.9]
    -y 0..297.18mm [297.18]
`;

describe('SANE option parsing', () => {
  it('parses `scanimage -f` lines into prefixed devices and skips unsafe names', () => {
    const line = (...f: string[]): string => f.join(LIST_FIELD_SEPARATOR);
    const out = [line('test:0', 'Noname', 'frontend-tester', 'virtual device'), line('-bad', 'x', 'y', 'z'), line('epson2:net:10.0.0.5', 'Epson', 'DS-530', 'sheetfed scanner'), ''].join('\n');
    expect(parseDeviceList(out)).toEqual([
      { id: 'sane:test:0', name: 'Noname frontend-tester (virtual device)', kind: 'sane' },
      { id: 'sane:epson2:net:10.0.0.5', name: 'Epson DS-530 (sheetfed scanner)', kind: 'sane' },
    ]);
  });

  it.each([
    ['test:0', true],
    ['hpaio:/usb/Deskjet_3520?serial=CN12', true],
    ['airscan:e0:HP LaserJet MFP', true],
    ['--help', false],
    ['test:0;rm -rf /', false],
    ['test:0`id`', false],
    ['test:0\nx', false],
    ['', false],
    ['a'.repeat(201), false],
  ])('device name %j acceptable: %s', (name, ok) => {
    expect(isSaneDeviceName(name)).toBe(ok);
  });

  it('reads lists, units and ranges of a device with a duplex feeder', () => {
    const caps = toCapabilities(parseOptions(EPSON_HELP));
    expect(caps).toEqual({ resolutions: [75, 150, 300, 600], colorModes: ['color', 'gray', 'lineart'], sources: ['flatbed', 'adf', 'duplex'], maxWidthMm: 215.9, maxHeightMm: 297.18 });
  });

  it('builds an argument array: device, mode, resolution, source, A4 area, batch into the work dir', () => {
    const args = scanArgs('epson2:net:10.0.0.5', parseOptions(EPSON_HELP), { resolution: 300, colorMode: 'color', source: 'duplex', pageSize: 'a4', maxPages: 20 }, '/tmp/vanthu-scan-x');
    expect(args).toEqual([
      '--device-name=epson2:net:10.0.0.5',
      '--format=png',
      '--mode', 'Color',
      '--resolution=300',
      '--source=ADF Duplex',
      '-l', '0', '-t', '0', '-x', '210', '-y', '297',
      '--batch=/tmp/vanthu-scan-x/page-%04d.png',
      '--batch-count=20',
    ]);
  });

  it('refuses settings the device lacks', () => {
    const flatbedOnly = parseOptions('    --mode Gray [Gray]\n    --resolution 100|200dpi [100]\n');
    expect(() => scanArgs('x:0', flatbedOnly, { resolution: 100, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 1 }, '/tmp/w')).toThrow(/mặt kính/);
    expect(() => scanArgs('x:0', flatbedOnly, { resolution: 100, colorMode: 'color', source: 'flatbed', pageSize: 'a4', maxPages: 1 }, '/tmp/w')).toThrow(/chế độ màu/);
  });

  it('maps exit status and messages to what stopped the scan', () => {
    expect(classifyExit(0, 'Batch terminated, 3 pages scanned')).toBe('ok');
    expect(classifyExit(6, 'scanimage: sane_read: Document feeder jammed')).toBe('jammed');
    expect(classifyExit(7, 'Document feeder out of documents')).toBe('feeder-empty');
    expect(classifyExit(8, 'Scanner cover is open')).toBe('cover-open');
    expect(classifyExit(9, 'Error during device I/O')).toBe('io-error');
    expect(classifyExit(1, 'scanimage: open of device test:9 failed: Invalid argument')).toBe('cannot-open');
    expect(classifyExit(null, '')).toBe('device-gone');
  });

  it('accepts only sane: ids', () => {
    expect(saneName('sane:test:1')).toBe('test:1');
    expect(() => saneName('escl:test:1')).toThrow(/không hợp lệ/);
  });
});

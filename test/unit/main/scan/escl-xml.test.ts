/** eSCL addresses and XML, without a device (house rule 10: outside input goes through a tested validator). */
import { describe, expect, it } from 'vitest';
import { parseEsclUrl } from '../../../../src/main/scan/devices/escl/escl-http';
import { esclBase } from '../../../../src/main/scan/devices/escl/escl-scanner';
import { parseCapabilities, parseStatus, scanSettingsXml } from '../../../../src/main/scan/devices/escl/escl-xml';

describe('parseEsclUrl', () => {
  it.each([
    ['http://192.168.1.20', 'http://192.168.1.20/eSCL'],
    ['https://scanner.local:9096/eSCL/', 'https://scanner.local:9096/eSCL'],
    ['  http://[fe80::1]/eSCL  ', 'http://[fe80::1]/eSCL'],
  ])('%j → %s', (input, href) => {
    expect(parseEsclUrl(input) && (parseEsclUrl(input) as URL).href).toBe(href);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://h/eSCL', 'http://u:p@h/eSCL', 'http://h/eSCL?a=1', 'http://h/eSCL#x', '\\\\server\\share', '', 'x'.repeat(600), 42])('refuses %j', (input) => {
    expect(parseEsclUrl(input)).toBe(false);
  });

  it('device ids carry the address', () => {
    expect(esclBase('escl:http://10.0.0.7/eSCL').href).toBe('http://10.0.0.7/eSCL');
    expect(() => esclBase('escl:file:///x')).toThrow(/không hợp lệ/);
  });
});

describe('eSCL XML', () => {
  it('refuses a DOCTYPE (no DTD, no entity expansion)', () => {
    const evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><scan:ScannerStatus xmlns:scan="s"><pwg:State xmlns:pwg="p">&a;</pwg:State></scan:ScannerStatus>';
    expect(() => parseStatus(evil)).toThrow(/eSCL/);
  });

  it('reads a status and refuses the wrong document', () => {
    expect(parseStatus('<scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState></scan:ScannerStatus>')).toEqual({ state: 'Idle', adfState: 'ScannerAdfJam' });
    expect(() => parseCapabilities('<html><body>router login</body></html>')).toThrow(/eSCL/);
    expect(() => parseCapabilities('<scan:ScannerCapabilities')).toThrow(/eSCL/);
  });

  it('writes ScanSettings in 1/300 inch', () => {
    const xml = scanSettingsXml({ source: 'duplex', colorMode: 'gray', resolution: 300, widthMm: 210, heightMm: 297, format: 'image/jpeg' });
    expect(xml).toContain('<pwg:Width>2480</pwg:Width>');
    expect(xml).toContain('<pwg:Height>3508</pwg:Height>');
    expect(xml).toContain('<pwg:InputSource>Feeder</pwg:InputSource><scan:Duplex>true</scan:Duplex><scan:ColorMode>Grayscale8</scan:ColorMode>');
  });
});

/**
 * eSCL XML (Mopria "eSCL Scan Technical Specification", namespaces http://schemas.hp.com/imaging/escl/2011/05/03 and
 * http://www.pwg.org/schemas/2010/12/sm): ScannerCapabilities and ScannerStatus read into plain values, ScanSettings
 * written. Elements are matched by local name, as devices differ in prefixes. The parser is saxes; a DOCTYPE is
 * refused, so no DTD is read and no entity beyond the five predefined ones is expanded (architecture.md, Security).
 */
import { SaxesParser } from 'saxes';
import { AppFailure } from '../../../../shared/api/result';
import type { ColorMode, ScanCapabilities, ScanSource } from '../../scanner';

/** A parsed element: local name, text, children. */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

const MAX_ELEMENTS = 20_000;
const MAX_DEPTH = 32;

function bad(detail: string): AppFailure {
  return new AppFailure('SCANNER_UNAVAILABLE', 'Máy quét mạng trả lời không đúng giao thức eSCL.', { detail });
}

/** Parse a bounded XML document into a tree. Errors: SCANNER_UNAVAILABLE (not well-formed, DOCTYPE, too big). */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = { name: '#root', text: '', children: [] };
  const stack: XmlElement[] = [root];
  let count = 0;
  parser.on('doctype', () => {
    throw bad('DOCTYPE refused');
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS || stack.length > MAX_DEPTH) throw bad('document too large or too deep');
    const el: XmlElement = { name: tag.name.slice(tag.name.indexOf(':') + 1), text: '', children: [] };
    stack.at(-1)?.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top !== undefined && top.text.length < 4096) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (cause) {
    if (cause instanceof AppFailure) throw cause;
    throw bad((cause as Error).message);
  }
  const top = root.children[0];
  if (top === undefined) throw bad('empty document');
  return top;
}

/** All descendants named `name` (depth-first). */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function first(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el === undefined ? undefined : findAll(el, name)[0];
}

/** eSCL colour mode names for ours. */
export const ESCL_COLOR_MODES: Readonly<Record<ColorMode, string>> = { color: 'RGB24', gray: 'Grayscale8', lineart: 'BlackAndWhite1' };
/** eSCL lengths are in 1/300 inch. */
const UNITS_PER_MM = 300 / 25.4;

/** What a scanner offers, plus the document formats each input accepts. */
export interface EsclCapabilities extends ScanCapabilities {
  formats: string[];
  /** Model name from the capabilities, for the device list. */
  makeAndModel: string;
}

/** Read ScannerCapabilities. Errors: SCANNER_UNAVAILABLE (not eSCL). */
export function parseCapabilities(xml: string): EsclCapabilities {
  const root = parseXml(xml);
  if (root.name !== 'ScannerCapabilities') throw bad(`root ${root.name}`);
  const platen = first(root, 'PlatenInputCaps');
  const simplex = first(root, 'AdfSimplexInputCaps');
  const duplex = first(root, 'AdfDuplexInputCaps');
  const inputs = [platen, simplex, duplex].filter((e): e is XmlElement => e !== undefined);
  if (inputs.length === 0) throw bad('no input source');
  const sources: ScanSource[] = [];
  if (platen) sources.push('flatbed');
  if (simplex) sources.push('adf');
  if (duplex || findAll(root, 'AdfOption').some((o) => o.text.trim() === 'Duplex')) sources.push('duplex');
  const modes = new Set(inputs.flatMap((i) => findAll(i, 'ColorMode').map((m) => m.text.trim())));
  const colorModes = (Object.keys(ESCL_COLOR_MODES) as ColorMode[]).filter((m) => modes.has(ESCL_COLOR_MODES[m]));
  const resolutions = [...new Set(inputs.flatMap((i) => findAll(i, 'DiscreteResolution').map((r) => Number(first(r, 'XResolution')?.text))))]
    .filter((r) => Number.isInteger(r) && r > 0 && r <= 1200)
    .sort((a, b) => a - b);
  const formats = [...new Set(inputs.flatMap((i) => [...findAll(i, 'DocumentFormat'), ...findAll(i, 'DocumentFormatExt')].map((f) => f.text.trim())))];
  const maxOf = (name: string): number => Math.max(0, ...inputs.map((i) => Number(first(i, name)?.text ?? 0)).filter(Number.isFinite));
  return {
    resolutions,
    colorModes,
    sources,
    maxWidthMm: Math.round(maxOf('MaxWidth') / UNITS_PER_MM),
    maxHeightMm: Math.round(maxOf('MaxHeight') / UNITS_PER_MM),
    formats,
    makeAndModel: (first(root, 'MakeAndModel')?.text ?? '').trim().slice(0, 100),
  };
}

/** Scanner state and feeder state (pwg:State, scan:AdfState). */
export interface EsclStatus {
  state: string;
  adfState: string;
}

/** Read ScannerStatus. Errors: SCANNER_UNAVAILABLE. */
export function parseStatus(xml: string): EsclStatus {
  const root = parseXml(xml);
  if (root.name !== 'ScannerStatus') throw bad(`root ${root.name}`);
  const own = (name: string): string => root.children.find((c) => c.name === name)?.text.trim() ?? '';
  return { state: own('State'), adfState: own('AdfState') };
}

export interface EsclScanSettings {
  source: ScanSource;
  colorMode: ColorMode;
  resolution: number;
  widthMm: number;
  heightMm: number;
  format: string;
}

/** The ScanSettings document of a POST ScanJobs. Every value is ours (enums and numbers), none comes from a device. */
export function scanSettingsXml(s: EsclScanSettings): string {
  const w = Math.round(s.widthMm * UNITS_PER_MM);
  const h = Math.round(s.heightMm * UNITS_PER_MM);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">',
    '<pwg:Version>2.0</pwg:Version>',
    '<pwg:ScanRegions><pwg:ScanRegion>',
    `<pwg:Height>${h}</pwg:Height><pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>`,
    `<pwg:Width>${w}</pwg:Width><pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>`,
    '</pwg:ScanRegion></pwg:ScanRegions>',
    `<pwg:InputSource>${s.source === 'flatbed' ? 'Platen' : 'Feeder'}</pwg:InputSource>`,
    s.source === 'duplex' ? '<scan:Duplex>true</scan:Duplex>' : '',
    `<scan:ColorMode>${ESCL_COLOR_MODES[s.colorMode]}</scan:ColorMode>`,
    `<scan:XResolution>${s.resolution}</scan:XResolution><scan:YResolution>${s.resolution}</scan:YResolution>`,
    `<pwg:DocumentFormat>${s.format}</pwg:DocumentFormat><scan:DocumentFormatExt>${s.format}</scan:DocumentFormatExt>`,
    '</scan:ScanSettings>',
  ].join('');
}

/**
 * Discovery of driverless network scanners by multicast DNS (RFC 6762 / DNS-SD RFC 6763): one "legacy unicast"
 * query for `_uscan._tcp.local` and `_uscans._tcp.local` sent from an ephemeral port, so responders answer to that
 * port directly (RFC 6762 §6.7) and nothing has to bind 5353. Answers are read with every bound in place: packet
 * size, record count, name length and compression-pointer loops, number of devices, and a fixed listening time.
 * What is found is only offered to the clerk: a scanner is used after it is added and answers ScannerCapabilities.
 */
import { createSocket } from 'node:dgram';
import { isIPv4 } from 'node:net';

export interface DiscoveredScanner {
  /** eSCL root built from the SRV target's address, the port and the TXT `rs` path. */
  url: string;
  /** The TXT `ty` (model) or the service instance name. */
  name: string;
}

export interface DiscoveryOptions {
  /** Listening time (default 1500 ms). */
  timeoutMs?: number;
  /** Where the query goes (default the mDNS group 224.0.0.251:5353); tests use a loopback responder. */
  target?: { address: string; port: number };
  signal?: AbortSignal;
  /** Stop listening as soon as this many scanners were found (tests; the UI listens for the whole time). */
  stopWhenFound?: number;
}

const SERVICES = ['_uscan._tcp.local', '_uscans._tcp.local'];
const MAX_PACKET = 9000;
const MAX_RECORDS = 200;
const MAX_DEVICES = 64;
const TYPE = { A: 1, PTR: 12, TXT: 16, SRV: 33 } as const;

function encodeName(name: string): Buffer {
  const parts = name.split('.').map((label) => {
    const bytes = Buffer.from(label, 'utf8');
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  });
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** The query packet: id 0, no flags, one PTR question per service (RFC 6762 §18). */
export function discoveryQuery(): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(SERVICES.length, 4);
  const questions = SERVICES.map((s) => Buffer.concat([encodeName(s), Buffer.from([0, TYPE.PTR, 0, 1])]));
  return Buffer.concat([header, ...questions]);
}

/** Read a (possibly compressed) name at `offset`; answers the name and the offset after it in the record. */
function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  for (let jumps = 0; jumps < 32; ) {
    const len = buf[pos];
    if (len === undefined) throw new Error('name out of bounds');
    if (len === 0) {
      if (next < 0) next = pos + 1;
      const name = labels.join('.');
      if (name.length > 255) throw new Error('name too long');
      return { name, next };
    }
    if ((len & 0xc0) === 0xc0) {
      const ptr = ((len & 0x3f) << 8) | (buf[pos + 1] ?? 0);
      if (next < 0) next = pos + 2;
      if (ptr >= buf.length) throw new Error('bad pointer');
      pos = ptr;
      jumps++;
      continue;
    }
    if (pos + 1 + len > buf.length) throw new Error('label out of bounds');
    labels.push(buf.toString('utf8', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  throw new Error('compression loop');
}

interface DnsRecord {
  name: string;
  type: number;
  data: Buffer;
  /** Offset of `data` in the packet (names inside data may point anywhere in it). */
  at: number;
}

/** Parse the records of one answer packet (questions skipped). Throws on malformed input. */
export function parseRecords(buf: Buffer): DnsRecord[] {
  if (buf.length < 12 || buf.length > MAX_PACKET) throw new Error('bad size');
  const qd = buf.readUInt16BE(4);
  const total = buf.readUInt16BE(6) + buf.readUInt16BE(8) + buf.readUInt16BE(10);
  if (qd + total > MAX_RECORDS) throw new Error('too many records');
  let pos = 12;
  for (let i = 0; i < qd; i++) pos = readName(buf, pos).next + 4;
  const records: DnsRecord[] = [];
  for (let i = 0; i < total; i++) {
    const { name, next } = readName(buf, pos);
    if (next + 10 > buf.length) throw new Error('record out of bounds');
    const type = buf.readUInt16BE(next);
    const len = buf.readUInt16BE(next + 8);
    const at = next + 10;
    if (at + len > buf.length) throw new Error('data out of bounds');
    records.push({ name: name.toLowerCase(), type, data: buf.subarray(at, at + len), at });
    pos = at + len;
  }
  return records;
}

function txtMap(data: Buffer): Map<string, string> {
  const map = new Map<string, string>();
  for (let pos = 0; pos < data.length; ) {
    const len = data[pos] ?? 0;
    const entry = data.toString('utf8', pos + 1, Math.min(data.length, pos + 1 + len));
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq).toLowerCase(), entry.slice(eq + 1));
    pos += 1 + len;
  }
  return map;
}

/** Scanners described by the records of one packet. */
export function scannersIn(buf: Buffer): DiscoveredScanner[] {
  const records = parseRecords(buf);
  const found: DiscoveredScanner[] = [];
  const instances = records.filter((r) => r.type === TYPE.PTR && SERVICES.includes(r.name)).map((r) => ({ service: r.name, instance: readName(buf, r.at).name.toLowerCase() }));
  for (const { service, instance } of instances) {
    const srv = records.find((r) => r.type === TYPE.SRV && r.name === instance);
    if (srv === undefined || srv.data.length < 7) continue;
    const port = srv.data.readUInt16BE(4);
    const target = readName(buf, srv.at + 6).name.toLowerCase();
    const a = records.find((r) => r.type === TYPE.A && r.name === target && r.data.length === 4);
    if (a === undefined) continue;
    const ip = [...a.data].join('.');
    if (!isIPv4(ip)) continue;
    const txt = records.find((r) => r.type === TYPE.TXT && r.name === instance);
    const meta = txt ? txtMap(txt.data) : new Map<string, string>();
    const path = (meta.get('rs') ?? 'eSCL').replace(/^\/+|\/+$/g, '');
    if (!/^[A-Za-z0-9._~/-]{0,100}$/.test(path)) continue;
    const scheme = service.startsWith('_uscans') ? 'https' : 'http';
    const name = (meta.get('ty') ?? instance.split('.')[0] ?? ip).slice(0, 100);
    found.push({ url: `${scheme}://${ip}:${port}/${path}`, name });
  }
  return found;
}

/** Ask the network and collect answers for `timeoutMs`. Never rejects: a network without mDNS gives []. */
export function discoverEscl(options: DiscoveryOptions = {}): Promise<DiscoveredScanner[]> {
  const target = options.target ?? { address: '224.0.0.251', port: 5353 };
  return new Promise((resolve) => {
    const found = new Map<string, DiscoveredScanner>();
    const socket = createSocket({ type: 'udp4' });
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', finish);
      socket.close();
      resolve([...found.values()]);
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 1500);
    options.signal?.addEventListener('abort', finish, { once: true });
    socket.on('error', finish);
    socket.on('message', (msg) => {
      try {
        for (const s of scannersIn(msg)) if (found.size < MAX_DEVICES) found.set(s.url, s);
      } catch {
        // A malformed answer from some device on the network is ignored.
      }
      if (options.stopWhenFound !== undefined && found.size >= options.stopWhenFound) finish();
    });
    socket.bind(0, () => {
      socket.send(discoveryQuery(), target.port, target.address, (err) => {
        if (err) finish();
      });
    });
  });
}

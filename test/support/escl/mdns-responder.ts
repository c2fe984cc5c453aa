/**
 * A loopback DNS-SD responder for tests: it answers a PTR query for `_uscan._tcp.local` with the PTR, SRV, TXT and
 * A records of one scanner, sent back to the asking port (RFC 6762 §6.7 legacy unicast). Its encoder is written
 * here, apart from the adapter's parser, and uses a compression pointer for the service name as real responders do.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

function name(n: string): Buffer {
  return Buffer.concat([...n.split('.').map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)])), Buffer.from([0])]);
}

function record(owner: Buffer, type: number, data: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(0x8001, 2); // cache-flush, IN
  fixed.writeUInt32BE(120, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([owner, fixed, data]);
}

export interface ScannerAd {
  instance: string;
  host: string;
  ip: string;
  port: number;
  path: string;
  model: string;
}

/** The answer packet for one scanner. */
export function answerPacket(ad: ScannerAd): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0x8400, 2); // response, authoritative
  header.writeUInt16BE(1, 6); // one answer
  header.writeUInt16BE(3, 10); // three additional records
  const service = name('_uscan._tcp.local');
  const serviceAt = 12;
  // PTR owner is the service name written out; its data is the instance label + a pointer to the service name.
  const ptrData = Buffer.concat([Buffer.from([Buffer.byteLength(ad.instance)]), Buffer.from(ad.instance), Buffer.from([0xc0, serviceAt])]);
  const instanceName = name(`${ad.instance}._uscan._tcp.local`);
  const srvData = Buffer.alloc(6);
  srvData.writeUInt16BE(0, 0);
  srvData.writeUInt16BE(0, 2);
  srvData.writeUInt16BE(ad.port, 4);
  const txt = Buffer.concat([`txtvers=1`, `ty=${ad.model}`, `rs=${ad.path}`, 'pdl=image/jpeg,image/png'].map((e) => Buffer.concat([Buffer.from([Buffer.byteLength(e)]), Buffer.from(e)])));
  return Buffer.concat([
    header,
    record(service, 12, ptrData),
    record(instanceName, 33, Buffer.concat([srvData, name(ad.host)])),
    record(instanceName, 16, txt),
    record(name(ad.host), 1, Buffer.from(ad.ip.split('.').map(Number))),
  ]);
}

export interface MdnsResponder {
  port: number;
  /** Queries received. */
  queries: Buffer[];
  close(): Promise<void>;
}

/** Answer every query that asks for `_uscan._tcp.local` with `ad` (and `extra` raw packets, e.g. garbage). */
export async function startMdnsResponder(ad: ScannerAd, extra: Buffer[] = []): Promise<MdnsResponder> {
  const socket: Socket = createSocket('udp4');
  const queries: Buffer[] = [];
  socket.on('message', (msg, from) => {
    queries.push(msg);
    if (!msg.includes(Buffer.from('_uscan'))) return;
    for (const packet of [...extra, answerPacket(ad)]) socket.send(packet, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: (socket.address() as AddressInfo).port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

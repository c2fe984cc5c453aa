/**
 * Append an incremental update by hand, the way an attacker would (ISO 32000-1 §7.5.6): the given object bodies,
 * an xref table with one subsection per object, and a trailer copying /Root, /Info and /ID of the previous one
 * with /Prev. Only for files whose last section is a classic xref table (tests make them so).
 */
export function appendUpdate(bytes: Uint8Array, objects: Record<number, string | Uint8Array>, trailerExtra = ''): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s*%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const key = (k: string): string | undefined => new RegExp(`/${k}\\s+(\\d+ \\d+ R|\\[[^\\]]*\\])`).exec(trailer)?.[1];
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const chunks: Buffer[] = [Buffer.from(bytes)];
  let offset = bytes.length;
  const push = (b: Buffer): void => { chunks.push(b); offset += b.length; };
  if (bytes[bytes.length - 1] !== 0x0a) push(Buffer.from('\n'));
  const offsets = new Map<number, number>();
  for (const [num, body] of Object.entries(objects)) {
    offsets.set(Number(num), offset);
    push(Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body), Buffer.from('\nendobj\n')]));
  }
  const xrefAt = offset;
  let xref = 'xref\n';
  for (const [num, at] of offsets) xref += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const maxNum = Math.max(size - 1, ...offsets.keys());
  const parts = [`/Size ${maxNum + 1}`, `/Root ${key('Root')}`, key('Info') ? `/Info ${key('Info')}` : '', key('ID') ? `/ID ${key('ID')}` : '', `/Prev ${startxref}`, trailerExtra];
  push(Buffer.from(`${xref}trailer\n<< ${parts.filter(Boolean).join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Mutated PDFs for fuzzing the verifier (issue 6, item 7), as fast-check arbitraries over a corpus of real files
 * (the attack samples and files we sign ourselves). Mutations are the ones that reach the verifier's parsers:
 * byte flips, truncation, chunk duplication and deletion, splicing two files, and structural tokens (xref,
 * startxref, %%EOF, /ByteRange, huge and negative numbers, deep nesting, Flate headers) written over random
 * places — so inputs are PDF-shaped enough to get past the first checks.
 */
import fc from 'fast-check';

const TOKENS = [
  '%%EOF\n', 'startxref\n0\n%%EOF\n', 'xref\n0 1\n0000000000 65535 f \n', 'trailer\n<< /Size 999999999 /Root 1 0 R /Prev 0 >>\n',
  '/ByteRange [0 0 0 0]', '/ByteRange [0 99999999 99999999 99999999]', '/Contents <>', '/Contents <3082ffff>', '/Type /Sig',
  '/FT /Sig', '/V << /ByteRange [0 1 2 3] /Contents <00> >>', ' 4294967296 ', ' -1 ', ' 1e308 ', '[[[[[[[[[[[[[[[[',
  '<<<<<<<<<<<<', '/Filter /FlateDecode', '/Length 999999999', 'stream\nx\x9c', 'endstream', 'obj', 'endobj', ' R ', '/ObjStm /N 99999999 /First 0',
  '/Type /XRef /W [1 4 4] /Size 9999999 /Index [0 9999999]', '/Kids [1 0 R]', '/Parent 1 0 R', '/Annots [1 0 R 1 0 R]', '(\\',
];

export type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'token'; at: number; token: number; overwrite: boolean }
  | { kind: 'splice'; at: number; other: number; from: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

/** One mutation; positions are fractions of the file length so they fit any corpus file. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }).map((m) => ({ ...m, at: m.at })),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 4096 }), to: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 2048 }) }),
  fc.record({ kind: fc.constant('token' as const), at: position, token: fc.integer({ min: 0, max: TOKENS.length - 1 }), overwrite: fc.boolean() }),
  fc.record({ kind: fc.constant('splice' as const), at: position, other: fc.nat(), from: position }),
) as fc.Arbitrary<Mutation>;

/** A corpus index and one to four mutations. */
export const caseArb = (corpusSize: number) => fc.record({ file: fc.integer({ min: 0, max: corpusSize - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) });

/** Apply `mutations` to `corpus[file]`. */
export function mutate(corpus: Uint8Array[], file: number, mutations: Mutation[]): Uint8Array {
  let b = Buffer.from(corpus[file] ?? new Uint8Array());
  for (const m of mutations) {
    const at = Math.min(b.length, Math.floor(m.at * b.length));
    switch (m.kind) {
      case 'flip': if (b.length > 0) { b = Buffer.from(b); b[Math.min(at, b.length - 1)] = m.value; } break;
      case 'truncate': b = b.subarray(0, at); break;
      case 'duplicate': { const chunk = b.subarray(at, at + m.length); const to = Math.floor(m.to * b.length); b = Buffer.concat([b.subarray(0, to), chunk, b.subarray(to)]); break; }
      case 'delete': b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]); break;
      case 'token': {
        const t = Buffer.from(TOKENS[m.token] ?? '', 'latin1');
        b = Buffer.concat([b.subarray(0, at), t, b.subarray(m.overwrite ? at + t.length : at)]);
        break;
      }
      case 'splice': {
        const other = Buffer.from(corpus[m.other % corpus.length] ?? new Uint8Array());
        b = Buffer.concat([b.subarray(0, at), other.subarray(Math.floor(m.from * other.length))]);
        break;
      }
    }
  }
  return new Uint8Array(b);
}

/**
 * Secrecy marks in a received edXML header (Quy chế Art. 1.2: a document classified as a state secret never goes
 * through the electronic system, so one that arrives is refused with the reason). QCVN 102 has no element for
 * độ mật; senders write the NĐ 30 mark (TUYỆT MẬT / TỐI MẬT / MẬT, Phụ lục I box 10a) in the subject, the
 * sphere of promulgation, an appendix name or the document type's name. We look for the mark as a whole word in
 * capitals, so "mật độ dân số" in an ordinary subject is not taken for one. Pure.
 */
import type { EdocHeader } from './model';

const MARKS = ['TUYỆT MẬT', 'TỐI MẬT', 'MẬT'] as const;
export type SecrecyMark = (typeof MARKS)[number];

const pattern = (mark: string): RegExp => new RegExp(`(^|[^\\p{L}])${mark}($|[^\\p{L}])`, 'u');

/** The strongest secrecy mark found in the header, or null. */
export function secrecyMark(header: Pick<EdocHeader, 'subject' | 'otherInfo' | 'documentType'>): SecrecyMark | null {
  const texts = [header.subject, header.otherInfo.sphereOfPromulgation ?? '', header.documentType.typeName, ...header.otherInfo.appendixes].map((t) => t.normalize('NFC'));
  for (const mark of MARKS) if (texts.some((t) => pattern(mark).test(t))) return mark;
  return null;
}

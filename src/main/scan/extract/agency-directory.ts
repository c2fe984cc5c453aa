/**
 * The identifier-code directory the issuing agency is matched against (standards.md §3): the province's own
 * entry is built in (UBND tỉnh Lai Châu = 000.00.00.H35, §3.3); the host adds the agency list it loads from the
 * axis. Matching ignores case, diacritics and the common abbreviation "UBND".
 */
import { LAI_CHAU_CODE } from '../../../shared/domain/identifier-code';
import { fold } from './text-rules';

export interface DirectoryAgency {
  /** Mã định danh (QCVN 102 form). */
  code: string;
  /** Name as the register shows it. */
  name: string;
}

/** What ships with the app: only the province's own code (standards.md §3.0, "ship no list beyond"). */
export const BUILT_IN_AGENCIES: readonly DirectoryAgency[] = [{ code: LAI_CHAU_CODE, name: 'Ủy ban nhân dân tỉnh Lai Châu' }];

function key(name: string): string {
  return fold(name)
    .replace(/\bubnd\b/gu, 'uy ban nhan dan')
    .replace(/\bhdnd\b/gu, 'hoi dong nhan dan')
    .replace(/[^a-z0-9 ]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The directory entry whose name is the header text, or undefined. */
export function matchAgency(headerText: string, directory: readonly DirectoryAgency[]): DirectoryAgency | undefined {
  const wanted = key(headerText);
  if (wanted === '') return undefined;
  return directory.find((a) => key(a.name) === wanted);
}

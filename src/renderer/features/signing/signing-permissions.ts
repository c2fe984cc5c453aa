/**
 * Who does which part of the Art. 11 issuing flow: the authorized person (lãnh đạo) signs personally and hands the
 * file to the clerk (Art. 11.1b); the clerk (văn thư) numbers, seals and issues it (Art. 11.1c–e, Art. 5.2: the
 * organization's token is kept by the clerk). The PIN of the personal token is the signer's own proof; the role
 * only decides which steps a screen offers.
 */
import { can, type Role } from '../../../shared/domain/roles';

/** Whether the role may open "Ký số và phát hành". */
export function mayUseSigning(role: Role): boolean {
  return role === 'lanh-dao' || can(role, 'document.register');
}

/** Whether the role may number, seal and issue (the clerk's steps). */
export function mayIssue(role: Role): boolean {
  return can(role, 'document.register');
}

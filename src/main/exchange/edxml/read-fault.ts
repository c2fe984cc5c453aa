/** The typed fault the reader throws internally; read-package.ts turns it into a PackageRejection. */
import type { RejectionCode } from '../../../shared/domain/edxml/rejection';
import type { XmlNode } from './xml-tree';

/** A package refused while reading; `partial` is the tree read so far (to name the sender in a status 02). */
export class ReadFault extends Error {
  readonly code: RejectionCode;
  readonly path: string | undefined;
  partial: XmlNode | undefined;
  constructor(code: RejectionCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

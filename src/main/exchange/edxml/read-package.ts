/**
 * `readPackage`: read one package from the axis (a file the spool wrote, or any byte stream) into a document
 * package, a status package, or a typed rejection. See edxml-api.ts for the contract and the tolerance rules.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolveLimits } from '../../../shared/domain/edxml/limits';
import type { PackageRejection } from '../../../shared/domain/edxml/rejection';
import type { ReadOutcome, ReadPackageOptions } from './edxml-api';
import { mapEdoc, senderHints } from './map-edoc';
import { mapStatus } from './map-status';
import { ReadFault } from './read-fault';
import { readPackageTree } from './package-reader';
import { kid, walk, type XmlNode } from './xml-tree';

/** Input chunk size: bounds what the parser and the attachment sink hold at once. */
const CHUNK = 64 * 1024;

/**
 * Read a package from `source` (a file path, only opened for reading, or a byte stream). Attachments go to
 * `options.blobs` as they stream. Never throws for a bad package: every fault is a `PackageRejection` with a
 * Vietnamese reason and, when From/OrganId was read before the fault, the sender to answer with status 02.
 * Blobs of attachments completed before a fault stay in the store (content-addressed, harmless); the one being
 * written is dropped. Throws only on an I/O failure of the store or the file (e.g. ENOENT), as AppFailure or
 * the file-system error.
 */
export async function readPackage(source: string | AsyncIterable<Uint8Array>, options: ReadPackageOptions): Promise<ReadOutcome> {
  const limits = resolveLimits(options.limits);
  if (typeof source === 'string') {
    const info = await stat(source);
    if (info.size > limits.maxPackageBytes) {
      return rejection(new ReadFault('PACKAGE_TOO_LARGE', `Gói tin ${info.size} byte, lớn hơn giới hạn ${limits.maxPackageBytes} byte.`));
    }
  }
  const stream = typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK }) : source;
  let root: XmlNode;
  try {
    root = await readPackageTree(stream, options.blobs, limits);
  } catch (cause) {
    if (cause instanceof ReadFault) return rejection(cause);
    throw cause;
  }
  try {
    return isStatusTree(root) ? mapStatus(root) : mapEdoc(root);
  } catch (cause) {
    if (cause instanceof ReadFault) {
      cause.partial = root;
      return rejection(cause);
    }
    throw cause;
  }
}

function isStatusTree(root: XmlNode): boolean {
  return kid(walk(root, 'edXMLEnvelope', 'edXMLHeader', 'MessageHeader'), 'StatusCode') !== undefined;
}

/** A ReadFault as the caller's rejection, with what is known of the sender and the document. */
export function rejection(fault: ReadFault): PackageRejection {
  const hints = senderHints(fault.partial);
  const hasHeader = walk(fault.partial, 'edXMLEnvelope', 'edXMLHeader', 'MessageHeader') !== undefined;
  const out: PackageRejection = {
    kind: 'rejected',
    code: fault.code,
    reason: fault.message,
    sender: hints.sender,
    responseFor: null,
    packageKind: hasHeader ? (hints.isStatus ? 'status' : 'edoc') : null,
  };
  if (fault.path !== undefined) out.path = fault.path;
  if (!hints.isStatus && (hints.documentId !== undefined || hints.code !== undefined)) {
    out.responseFor = {
      ...(hints.sender ? { organId: hints.sender.organId } : {}),
      ...(hints.documentId !== undefined ? { documentId: hints.documentId } : {}),
      ...(hints.code !== undefined ? { code: hints.code } : {}),
      ...(hints.promulgationDate !== undefined ? { promulgationDate: hints.promulgationDate } : {}),
    };
  }
  return out;
}

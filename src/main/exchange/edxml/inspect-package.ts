/**
 * The sync engine's `inspect` hook (src/main/exchange/sync/sync-engine.ts `SyncHooks.inspect`) on top of
 * readPackage: a spooled package becomes its kind, DocumentId and a small summary for the list view, or a
 * Vietnamese rejection reason (the engine then quarantines it and acknowledges `fail`). The shapes are written
 * out here rather than imported, so edxml/ does not depend on sync/.
 */
import { urgencyFromPriority, type PriorityMapping } from '../../../shared/domain/edxml/priority';
import type { ReadOutcome, ReadPackageOptions } from './edxml-api';
import { readPackage } from './read-package';

type Summary = Record<string, string | number | boolean | null>;

/** What the hook answers: facts of a readable package, or why it cannot be taken. */
export type Inspection = { kind: 'edoc' | 'status'; documentId: string | null; summary: Summary } | { rejected: string };

/** The summary of a read outcome (pure mapping; exported for tests and for callers that already read). */
export function summarize(outcome: ReadOutcome, priority?: PriorityMapping): Inspection {
  if (outcome.kind === 'rejected') return { rejected: outcome.reason };
  if (outcome.kind === 'status') {
    const h = outcome.header;
    return {
      kind: 'status',
      documentId: h.responseFor.documentId === '' ? null : h.responseFor.documentId,
      summary: { from: h.from.organId, fromName: h.from.organName ?? null, statusCode: h.statusCode, description: h.description ?? null, timestamp: h.timestamp, code: h.responseFor.code, warnings: outcome.warnings.length },
    };
  }
  const h = outcome.header;
  return {
    kind: 'edoc',
    documentId: h.documentId === '' ? null : h.documentId,
    summary: {
      from: h.from.organId,
      fromName: h.from.organName ?? null,
      code: [h.code.codeNumber, h.code.codeNotation].filter((p) => p !== '').join('/'),
      subject: h.subject,
      promulgationDate: h.promulgationInfo.date,
      typeName: h.documentType.typeName,
      priority: h.otherInfo.priority,
      urgency: urgencyFromPriority(h.otherInfo.priority, priority),
      bussinessDocType: outcome.bussiness?.bussinessDocType ?? 0,
      attachments: outcome.attachments.length,
      warnings: outcome.warnings.length,
    },
  };
}

/** Read the spooled package at `path` (attachments into `options.blobs`) and summarise it for the engine. */
export async function inspectPackage(path: string, options: ReadPackageOptions & { priority?: PriorityMapping }): Promise<Inspection> {
  return summarize(await readPackage(path, options), options.priority);
}

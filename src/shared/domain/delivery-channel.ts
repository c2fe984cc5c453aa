/**
 * Which document types go electronic-only and which also on paper (Quy chế Art. 8.2 / 8.3). The province may
 * publish a different list per period (Art. 8.3g), so the lists are data (assets/rules/delivery-channels.json,
 * replaceable in the data directory), not code. A type in neither list is treated as electronic-and-paper:
 * sending paper too is the safe side.
 */
import { z } from 'zod';
import { DocumentTypeIdSchema, type DocumentTypeId } from './document-types';

export const ChannelRulesSchema = z
  .object({
    /** Art. 8.2: sent and received only as signed e-documents. */
    electronicOnly: z.array(DocumentTypeIdSchema).max(100),
    /** Art. 8.3: sent electronically and on paper. */
    electronicAndPaper: z.array(DocumentTypeIdSchema).max(100),
    /** Where the lists come from (e.g. the decision that published them). */
    note: z.string().max(2000).optional(),
  })
  .strict();
export type ChannelRules = z.infer<typeof ChannelRulesSchema>;

export type DeliveryChannel = 'electronic-only' | 'electronic-and-paper';

/**
 * The channel for a document type. Unknown types, and (in broken data) a type on both lists, get
 * 'electronic-and-paper'.
 */
export function deliveryChannelOf(typeId: DocumentTypeId | string, rules: ChannelRules): DeliveryChannel {
  const paper = (rules.electronicAndPaper as readonly string[]).includes(typeId);
  const electronic = (rules.electronicOnly as readonly string[]).includes(typeId);
  return electronic && !paper ? 'electronic-only' : 'electronic-and-paper';
}

export interface ChannelRulesProblem {
  code: 'in-both-lists' | 'duplicate';
  typeId: DocumentTypeId;
}

/** Problems in channel rules: a type on both lists (an error), or listed twice in one list. Empty = valid. */
export function validateChannelRules(rules: ChannelRules): ChannelRulesProblem[] {
  const problems: ChannelRulesProblem[] = [];
  const paper = new Set(rules.electronicAndPaper);
  for (const list of [rules.electronicOnly, rules.electronicAndPaper]) {
    const seen = new Set<DocumentTypeId>();
    for (const typeId of list) {
      if (seen.has(typeId)) problems.push({ code: 'duplicate', typeId });
      seen.add(typeId);
    }
  }
  for (const typeId of new Set(rules.electronicOnly)) {
    if (paper.has(typeId)) problems.push({ code: 'in-both-lists', typeId });
  }
  return problems;
}

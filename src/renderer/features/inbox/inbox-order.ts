/** Order of the waiting list (Art. 9.3, 10.1): urgent documents first, most urgent on top, then oldest first. */
import { urgencyRank } from '../../../shared/domain/urgency';
import type { RegisterRow } from '../../db/records';

/** Waiting, not cancelled, sorted for presentation to the leader. */
export function inboxOrder(rows: readonly RegisterRow[]): RegisterRow[] {
  return rows
    .filter((r) => r.entry.status === 'active' && r.entry.handling === 'waiting')
    .sort(
      (a, b) =>
        urgencyRank(b.entry.urgency) - urgencyRank(a.entry.urgency) ||
        a.entry.legalReceiptAt - b.entry.legalReceiptAt ||
        a.entry.number - b.entry.number,
    );
}

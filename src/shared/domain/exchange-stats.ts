/**
 * Statistics of the electronic exchange (Quy chế Art. 16): sent, received, accepted (03), returned (02), revoked
 * (15), urgent (Khẩn and above) and on time vs late, per month and per agency, from the flow records (what
 * arrived, what we answered, what we sent and what the receivers answered). Pure: the caller passes the records.
 *
 * On time: a received document answered with 03 or 02 on the Vietnam-local day it entered the software (Art. 9.2,
 * 10.1: received documents are handled the same day); late: answered on a later day. Not yet answered: neither.
 */
import type { IncomingFlowRecord, SentDocumentRecord } from '../api/exchange-flow-schemas';
import { localIsoDate } from '../util/time';
import { isUrgent } from './urgency';

export interface ExchangeStatsRow {
  /** `yyyy-MM` for a month row, the agency code for an agency row, 'total' for the total. */
  key: string;
  sent: number;
  received: number;
  accepted: number;
  returned: number;
  revoked: number;
  urgent: number;
  onTime: number;
  late: number;
}

export interface ExchangeStats {
  from: string;
  to: string;
  byMonth: ExchangeStatsRow[];
  byAgency: ExchangeStatsRow[];
  total: ExchangeStatsRow;
}

const empty = (key: string): ExchangeStatsRow => ({ key, sent: 0, received: 0, accepted: 0, returned: 0, revoked: 0, urgent: 0, onTime: 0, late: 0 });

/** Counts for documents whose receipt (incoming) or creation (sent) falls in [from, to] (ISO dates, inclusive). */
export function exchangeStats(incoming: readonly IncomingFlowRecord[], sent: readonly SentDocumentRecord[], from: string, to: string): ExchangeStats {
  const months = new Map<string, ExchangeStatsRow>();
  const agencies = new Map<string, ExchangeStatsRow>();
  const total = empty('total');
  const rows = (day: string, agency: string): ExchangeStatsRow[] => {
    const m = day.slice(0, 7);
    if (!months.has(m)) months.set(m, empty(m));
    if (!agencies.has(agency)) agencies.set(agency, empty(agency));
    return [months.get(m)!, agencies.get(agency)!, total];
  };
  const inPeriod = (day: string): boolean => day >= from && day <= to;

  for (const r of incoming) {
    const day = localIsoDate(new Date(r.receivedAt));
    if (!inPeriod(day)) continue;
    const answer = r.replies.find((s) => s.statusCode === '03' || s.statusCode === '02');
    for (const row of rows(day, r.from)) {
      row.received += 1;
      if (r.replies.some((s) => s.statusCode === '03')) row.accepted += 1;
      if (r.replies.some((s) => s.statusCode === '02')) row.returned += 1;
      if (r.revoked) row.revoked += 1;
      if (isUrgent(r.urgency)) row.urgent += 1;
      if (answer) {
        if (localIsoDate(new Date(answer.at)) === day) row.onTime += 1;
        else row.late += 1;
      }
    }
  }
  for (const r of sent) {
    const day = localIsoDate(new Date(r.createdAt));
    if (!inPeriod(day)) continue;
    // Month and total count the document once; each receiver's row counts it for that agency.
    r.to.forEach((agency, i) => {
      const [month, byAgency, all] = rows(day, agency);
      const targets = i === 0 ? [month!, byAgency!, all!] : [byAgency!];
      const revokedHere = r.statuses.some((s) => s.from === agency && s.statusCode === '15');
      for (const row of targets) {
        row.sent += 1;
        if (row === byAgency ? revokedHere : r.statuses.some((s) => s.statusCode === '15')) row.revoked += 1;
        if (isUrgent(r.urgency)) row.urgent += 1;
      }
    });
  }
  const sorted = (m: Map<string, ExchangeStatsRow>) => [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
  return { from, to, byMonth: sorted(months), byAgency: sorted(agencies), total };
}

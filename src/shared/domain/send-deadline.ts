/**
 * When an issued document must have left (Quy chế Art. 10.1): "send on the day of signing, at the latest the next
 * working morning". The deadline is the end of the first office-hours period (the morning) of the first working
 * day after the day it was issued, in Vietnam time; office hours and days off are the unit's settings, as for the
 * legal receipt time (Art. 10.5, receipt-time.ts).
 */
import type { WorkCalendar } from './calendar-rules';
import { nextWorkingDayAfter, validateOfficeHours, type OfficePeriod } from './receipt-time';
import { DomainError } from './domain-error';
import { fromLocal, localIsoDate } from '../util/time';

/** The latest time to send a document issued at `issuedAt`. Throws DomainError INVALID_OFFICE_HOURS for bad periods. */
export function sendDeadline(issuedAt: Date, officeHours: readonly OfficePeriod[], calendar: WorkCalendar): Date {
  const problems = validateOfficeHours(officeHours);
  if (problems.length > 0) throw new DomainError('INVALID_OFFICE_HOURS', 'Giờ hành chính không hợp lệ.', { problems });
  const next = nextWorkingDayAfter(localIsoDate(issuedAt), calendar);
  return fromLocal(next.date, officeHours[0]!.end);
}

/** Whether a document issued at `issuedAt` and still not sent at `now` is past its Art. 10.1 deadline. */
export function isLateToSend(issuedAt: Date, now: Date, officeHours: readonly OfficePeriod[], calendar: WorkCalendar): boolean {
  return now.getTime() >= sendDeadline(issuedAt, officeHours, calendar).getTime();
}

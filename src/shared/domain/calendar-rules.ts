/**
 * Working-day calendar as data (Art. 10.5): weekends, public holidays by the solar and lunar calendars,
 * extra days off and make-up working days. Placeholder types; the domain module owns the logic.
 */
import { z } from 'zod';

export const HolidayRulesSchema = z.object({}).passthrough();
export type HolidayRules = z.infer<typeof HolidayRulesSchema>;

/** Art. 8 lists as data. Placeholder types; the domain module owns the logic. */
import { z } from 'zod';

export const ChannelRulesSchema = z.object({}).passthrough();
export type ChannelRules = z.infer<typeof ChannelRulesSchema>;

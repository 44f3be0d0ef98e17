import { z } from 'zod';
import { BANQUET_TYPES, LOST_REASONS, STAGES } from './banquet-codes.ts';

// What the manager reads about banquet sales over a range of banquet dates.

const amount = z.object({ count: z.number(), valueYen: z.number() });

export const banquetReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Deals by current stage (banquet date within the range), with their estimated value. */
  pipeline: z.array(amount.extend({ stage: z.enum(STAGES) })),
  /** Won (confirmed or held) against lost. */
  outcomes: z.object({ won: amount, lost: amount }),
  lostByReason: z.array(amount.extend({ reason: z.enum(LOST_REASONS) })),
  /** Lost deals by the competitor who took them, most first. */
  lostByCompetitor: z.array(amount.extend({ competitor: z.string() })),
  /** Held banquets' value by month of the banquet ('YYYY-MM'), every month of the range. */
  revenueByMonth: z.array(amount.extend({ month: z.string() })),
  /** Won / (won + lost) by type; null when nothing was decided. */
  hitRateByType: z.array(
    z.object({ type: z.enum(BANQUET_TYPES), won: z.number(), lost: z.number(), rate: z.number().nullable() }),
  ),
});
export type BanquetReport = z.infer<typeof banquetReportSchema>;

import { z } from 'zod';
import { chartSeriesSchema } from '../supervisor/protocol';
import { teamSchema } from '../sync/rows/common';
import { REPORT_CHART_IDS, type LeadReport } from './lead-report';

/** A lead report as the server sends it (the desktop checks the answer against it). */
export const leadReportSchema = z.object({
  team: teamSchema.nullable(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.number(),
  timeZone: z.string(),
  charts: z.array(
    z.object({
      id: z.enum(REPORT_CHART_IDS),
      categories: z.array(z.object({ key: z.string(), label: z.string() })),
      series: z.array(chartSeriesSchema),
    }),
  ),
});

/* Compile-time: the schema describes exactly what buildLeadReport produces. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => undefined;
assertSame<Same<z.infer<typeof leadReportSchema>, LeadReport>>(true);

import { z } from 'zod';
import { appointmentRequestRowSchema } from '../sync/rows/appointment-request';
import { callbackRowSchema } from '../sync/rows/callback';
import { idSchema } from '../sync/rows/common';
import { customerRowSchema } from '../sync/rows/customer';
import { expediteRequestRowSchema } from '../sync/rows/expedite-request';
import { inquiryRowSchema } from '../sync/rows/inquiry';
import { noteRowSchema } from '../sync/rows/note';
import { serviceRequestRowSchema } from '../sync/rows/service-request';

/** At most this many customers in one answer of the search box. */
export const CUSTOMER_SEARCH_MAX = 50;

export const customerSearchArgsSchema = z
  .object({
    text: z.string().max(200),
    limit: z.number().int().min(1).max(CUSTOMER_SEARCH_MAX).default(20),
  })
  .strict();

export const customerSearchResultSchema = z.object({
  customers: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      aNumber: z.string().nullable(),
      /** The first phone, formatted for reading (the core formats it: the search dialog stays light). */
      phone: z.string().nullable(),
      preferredLanguage: z.enum(['en', 'es']),
    }),
  ),
  /** Every match (the screen says "showing the first 20"). */
  total: z.number().int().min(0),
});
export type CustomerSearchResult = z.infer<typeof customerSearchResultSchema>;

/**
 * One customer with every contact they had, as cached for the agent's team (issue 14):
 * the rows themselves; the screen orders them into one timeline. Names of the agents
 * who appear in it, by id.
 */
export const customerRecordSchema = z.object({
  customer: customerRowSchema,
  inquiries: z.array(inquiryRowSchema),
  callbacks: z.array(callbackRowSchema),
  serviceRequests: z.array(serviceRequestRowSchema),
  expedites: z.array(expediteRequestRowSchema),
  appointments: z.array(appointmentRequestRowSchema),
  notes: z.array(noteRowSchema),
  names: z.record(z.string(), z.string()),
  now: z.number(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/**
 * Service requests still waiting on the office past their target date (issue 14 item 7),
 * oldest target first, for the lead and Tier 2 officers who record what the office did.
 */
export const serviceRequestsPastTargetSchema = z.object({
  requests: z.array(
    serviceRequestRowSchema
      .pick({ id: true, customerId: true, category: true, status: true, targetDate: true })
      .extend({
        customerName: z.string().nullable(),
        /** The reference number as agents read it (null: none yet). */
        reference: z.string().nullable(),
      }),
  ),
  /** Every request past its target (the list shows the first ones). */
  total: z.number().int().min(0),
});
export type ServiceRequestsPastTarget = z.infer<typeof serviceRequestsPastTargetSchema>;

/** At most this many past-target requests in one answer. */
export const PAST_TARGET_MAX = 100;

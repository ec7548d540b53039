import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import type { ReferenceKind } from '../../../../shared/domain/identifiers/reference-number';
import type { NoteSubject } from '../../../../shared/sync/rows/note';

type Row<K extends keyof CustomerRecord> = CustomerRecord[K] extends readonly (infer T)[] ? T : never;

/** One contact on a customer's timeline: its kind, its row, and the time it happened. */
export type TimelineItem =
  | { kind: 'inquiry'; at: number; row: Row<'inquiries'> }
  | { kind: 'callback'; at: number; row: Row<'callbacks'> }
  | { kind: 'service-request'; at: number; row: Row<'serviceRequests'> }
  | { kind: 'expedite'; at: number; row: Row<'expedites'> }
  | { kind: 'appointment'; at: number; row: Row<'appointments'> };
export type TimelineKind = TimelineItem['kind'] & ReferenceKind;

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'inquiry',
  'callback',
  'service-request',
  'expedite',
  'appointment',
];

/**
 * Every contact of the record in one list, newest first (a callback by its last
 * attempt or handoff, so the one worked today comes before yesterday's inquiry);
 * `kind` filters to one kind.
 */
export function customerTimeline(record: CustomerRecord, kind?: TimelineKind): TimelineItem[] {
  const items: TimelineItem[] = [
    ...record.inquiries.map((row) => ({ kind: 'inquiry' as const, at: row.createdAt, row })),
    ...record.callbacks.map((row) => ({ kind: 'callback' as const, at: lastActivity(row), row })),
    ...record.serviceRequests.map((row) => ({ kind: 'service-request' as const, at: row.createdAt, row })),
    ...record.expedites.map((row) => ({ kind: 'expedite' as const, at: row.recordedAt, row })),
    ...record.appointments.map((row) => ({ kind: 'appointment' as const, at: row.createdAt, row })),
  ];
  return items
    .filter((item) => kind === undefined || item.kind === kind)
    .sort((a, b) => b.at - a.at || (a.row.id < b.row.id ? -1 : 1));
}

function lastActivity(row: Row<'callbacks'>): number {
  return Math.max(
    row.createdAt,
    ...row.attempts.map((a) => a.at),
    ...(row.handoffs ?? []).map((h) => h.at),
    row.closedAt ?? 0,
  );
}

const NOTE_TABLE: Record<TimelineKind, NoteSubject['table']> = {
  inquiry: 'inquiries',
  callback: 'callbacks',
  'service-request': 'service_requests',
  expedite: 'expedite_requests',
  appointment: 'appointment_requests',
};

/** What a note on this timeline item is about (the note row's `about`). */
export function noteSubjectOf(item: TimelineItem): NoteSubject {
  return { table: NOTE_TABLE[item.kind], id: item.row.id };
}

/** The record's notes on one contact, newest first. */
export function notesOn(record: CustomerRecord, subject: NoteSubject): CustomerRecord['notes'] {
  return record.notes
    .filter((n) => n.about?.table === subject.table && n.about.id === subject.id)
    .sort((a, b) => b.createdAt - a.createdAt);
}

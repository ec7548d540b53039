import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import type { DraftControl } from './use-draft';

/**
 * "Draft from <when> restored" with its Discard button, on every form that keeps a
 * draft. `onDiscard` empties the form; the stored draft is dropped here.
 */
export function DraftRestoredNote({ draft, onDiscard }: { draft: DraftControl; onDiscard(): void }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const announce = useUiStore((s) => s.announce);
  if (draft.restoredAt === null) return null;
  return (
    <p className="notice" data-testid="draft-restored">
      {t.draft.restored(formatInstant(draft.restoredAt, zone))}{' '}
      <button
        type="button"
        onClick={() => {
          onDiscard();
          draft.discard();
          announce(t.draft.discarded);
        }}
      >
        {t.draft.discard}
      </button>
    </p>
  );
}

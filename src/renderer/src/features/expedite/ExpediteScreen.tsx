import { inBothLanguages, useT } from '../../i18n';
import { DirectIntakeScreen } from '../inquiry/DirectIntakeScreen';
import { ExpediteChecklist, expediteInputSchema, isEmptyExpediteInput } from './ExpediteChecklist';
import { expediteToIpc } from './to-ipc';

/** An expedite request taken directly (without walking a script): caller, then the checklist. */
export function ExpediteScreen() {
  const t = useT();
  return (
    <DirectIntakeScreen
      id="expedite"
      title={t.expedite.title}
      doneText={t.expedite.recorded}
      showReceipt={false}
      draft={{ form: 'expedite', schema: expediteInputSchema, isEmpty: isEmptyExpediteInput }}
      form={({ key, caller, submitting, submit, initial, onInput }) => (
        <ExpediteChecklist
          key={key}
          initial={initial}
          onInput={onInput}
          callerLanguage={caller.language}
          submitting={submitting}
          onSubmit={(request, routingSource) =>
            submit({
              caller: { ...caller, receipt: request.receiptNumber ?? caller.receipt },
              topic: inBothLanguages((m) => m.expedite.title),
              outcome: 'expedite-intake',
              urgency: null,
              extra: { expedite: expediteToIpc(request, routingSource) },
            })
          }
        />
      )}
    />
  );
}

/** Small script documents for validator and interpreter tests; each test breaks one thing. */
export function minimalScript(): Record<string, unknown> {
  return {
    id: 'fixture',
    version: 1,
    title: { en: 'Fixture', es: 'Prueba' },
    topic: { en: 'Fixture topic', es: 'Tema de prueba' },
    intents: ['fixture-intent'],
    start: 'hello',
    steps: {
      hello: {
        kind: 'say',
        text: { en: 'Hello {{customer.name}}.', es: 'Hola {{customer.name}}.' },
        next: 'receipt',
      },
      receipt: {
        kind: 'question',
        prompt: { en: 'Receipt number?', es: '¿Número de recibo?' },
        answer: {
          key: 'receiptNumber',
          type: 'receipt-number',
          required: true,
          prefillFrom: 'ivr.receiptNumber',
        },
        next: 'kind',
      },
      kind: {
        kind: 'question',
        prompt: { en: 'What kind?', es: '¿Qué tipo?' },
        answer: {
          key: 'kind',
          type: 'choice',
          required: true,
          choices: [
            { value: 'simple', label: { en: 'Simple', es: 'Sencillo' } },
            { value: 'hard', label: { en: 'Hard', es: 'Difícil' } },
          ],
        },
        next: {
          branches: [{ when: { answer: 'kind', equals: 'hard' }, next: 'phone' }],
          otherwise: 'confirm',
        },
      },
      phone: {
        kind: 'question',
        prompt: { en: 'Best phone?', es: '¿Mejor teléfono?' },
        answer: { key: 'phone', type: 'phone', required: true },
        next: 'escalate',
      },
      confirm: {
        kind: 'question',
        prompt: {
          en: 'Resolved for {{answers.receiptNumber}}?',
          es: '¿Resuelto para {{answers.receiptNumber}}?',
        },
        answer: { key: 'done', type: 'yes-no', required: true },
        next: {
          branches: [{ when: { answer: 'done', equals: true }, next: 'resolved' }],
          otherwise: 'escalate',
        },
      },
      resolved: {
        kind: 'outcome',
        outcome: 'resolved',
        note: { en: 'Done: {{answers.kind}}.', es: 'Listo: {{answers.kind}}.' },
      },
      escalate: {
        kind: 'outcome',
        outcome: 'tier2-escalation',
        reason: 'beyond-tier1-scope',
        note: {
          en: 'An officer will call {{answers.phone}}.',
          es: 'Un oficial llamará al {{answers.phone}}.',
        },
      },
    },
  };
}

/** Deep copy to break one field without touching the shared fixture. */
// Tests reach deep into the document to break one field; typing every path would hide the intent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function broken(edit: (doc: any) => void): Record<string, unknown> {
  const doc = structuredClone(minimalScript());
  edit(doc);
  return doc;
}

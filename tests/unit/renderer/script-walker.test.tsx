// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  outcomeOf,
  startScript,
  toScriptRecord,
  validateScript,
  type Script,
  type ScriptSession,
  type StartOptions,
} from '../../../src/shared/scripts';
import { ScriptWalker } from '../../../src/renderer/src/features/inquiry/ScriptWalker';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';

afterEach(cleanup);
beforeEach(() => useUiStore.setState({ language: 'en' }));

function loadScript(file: string): Script {
  const text = readFileSync(join(import.meta.dirname, '../../../resources/scripts', file), 'utf8');
  const parsed = validateScript(JSON.parse(text));
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  return parsed.value;
}

let latest: ScriptSession | undefined;
function Harness({ script, options }: { script: Script; options: StartOptions }) {
  const [session, setSession] = useState(() => startScript(script, options));
  latest = session;
  const outcome = outcomeOf(session);
  return (
    <>
      <ScriptWalker session={session} onChange={setSession} />
      {outcome ? <p data-testid="outcome">{`${outcome.outcome}/${outcome.urgency ?? ''}`}</p> : null}
    </>
  );
}

const caseStatus = loadScript('case-status.v1.json');

describe('ScriptWalker', () => {
  it('walks step by step, validates typed answers as the agent types, and branches to an outcome', async () => {
    const user = userEvent.setup();
    render(<Harness script={caseStatus} options={{ language: 'en', ivr: { receiptNumber: null } }} />);
    expect(screen.getByText(/I can help you with the status of your case/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Back/ })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: /Next/ }));

    const receipt = screen.getByLabelText('What is your receipt number?');
    await user.type(receipt, 'EA1');
    expect(receipt.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/must start with 3 letters/)).toBeTruthy();
    // Next is refused while the answer is invalid.
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByLabelText('What is your receipt number?')).toBeTruthy();

    await user.clear(receipt);
    await user.type(receipt, 'eac-22-123-45678');
    expect(receipt.getAttribute('aria-invalid')).toBe('false');
    await user.keyboard('{Enter}');

    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    // The next prompt mentions the normalized receipt number.
    expect(screen.getByText('What would you like to know about case EAC2212345678?')).toBeTruthy();
    await user.click(screen.getByLabelText('Something Tier 1 cannot answer now'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByTestId('outcome').textContent).toBe('callback/urgent');
    expect(toScriptRecord(latest as ScriptSession)).toMatchObject({
      scriptId: 'case-status',
      scriptVersion: 1,
      answers: { receiptNumber: 'EAC2212345678', identityVerified: true, need: 'other', urgent: true },
    });
  });

  it('goes back and forward without losing answers, and a new branch ends in a Tier 2 escalation', async () => {
    const user = userEvent.setup();
    render(
      <Harness script={caseStatus} options={{ language: 'en', ivr: { receiptNumber: 'EAC2212345678' } }} />,
    );
    await user.click(screen.getByRole('button', { name: /Next/ }));
    // IVR context prefilled the receipt question.
    expect((screen.getByLabelText('What is your receipt number?') as HTMLInputElement).value).toBe(
      'EAC2212345678',
    );
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByLabelText('Something Tier 1 cannot answer now'));
    await user.click(screen.getByRole('button', { name: /Next/ }));

    // Back twice: the choice made is still there.
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByLabelText('Something Tier 1 cannot answer now')).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByLabelText('Yes')).toHaveProperty('checked', true);
    // Forward again along the same way.
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByLabelText('Something Tier 1 cannot answer now')).toHaveProperty('checked', true);

    // A different answer takes another branch.
    await user.click(screen.getByLabelText('What the current status means'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByTestId('outcome').textContent).toBe('tier2-escalation/');
    expect(screen.queryByRole('button', { name: /Next/ })).toBeNull();
    const record = toScriptRecord(latest as ScriptSession);
    expect(record.answers).not.toHaveProperty('urgent');
    expect(record.answers).toMatchObject({ need: 'status-meaning', answered: false });
  });

  it("shows the script in the caller's language", async () => {
    const user = userEvent.setup();
    render(<Harness script={caseStatus} options={{ language: 'es' }} />);
    expect(screen.getByText(/Con gusto le ayudo con el estado de su caso/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByLabelText('¿Cuál es su número de recibo?')).toBeTruthy();
  });

  it('requires an answer before going on', async () => {
    const user = userEvent.setup();
    render(<Harness script={caseStatus} options={{ language: 'en' }} />);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByText(/this question needs an answer/)).toBeTruthy();
    expect(screen.getByLabelText('What is your receipt number?')).toBeTruthy();
  });

  it('on a Spanish screen takes a typed date day first, reads it back in words and stores it as a date', async () => {
    useUiStore.setState({ language: 'es' });
    const parsed = validateScript({
      id: 'move',
      version: 1,
      title: { en: 'Move', es: 'Mudanza' },
      topic: { en: 'Move', es: 'Mudanza' },
      intents: [],
      start: 'when',
      steps: {
        when: {
          kind: 'question',
          prompt: { en: 'When did you move?', es: '¿Cuándo se mudó?' },
          answer: { key: 'moveDate', type: 'date' },
          next: 'done',
        },
        done: {
          kind: 'outcome',
          outcome: 'resolved',
          note: { en: 'Moved {{answers.moveDate}}.', es: 'Se mudó el {{answers.moveDate}}.' },
        },
      },
    });
    if (!parsed.ok) throw new Error('the inline script is invalid');
    const user = userEvent.setup();
    render(<Harness script={parsed.value} options={{ language: 'es' }} />);
    const input = screen.getByLabelText('¿Cuándo se mudó?');
    expect(input.getAttribute('placeholder')).toBe('DD/MM/AAAA');
    await user.type(input, '02/11/2026');
    expect(screen.getByTestId('answer-when-words').textContent).toBe('Se lee: lunes, 2 de noviembre de 2026');
    expect(latest?.answers['moveDate']).toBe('2026-11-02');
  });
});

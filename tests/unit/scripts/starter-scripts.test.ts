import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPEDITE_CRITERION_IDS } from '../../../src/shared/domain/expedite';
import { URGENT_APPOINTMENT_REASONS } from '../../../src/shared/domain/appointments';
import {
  currentStep,
  outcomeOf,
  latestVersions,
  parseScriptFile,
  scriptFileName,
  scriptForIntent,
  startScript,
} from '../../../src/shared/scripts';
import type { Script, ScriptSession } from '../../../src/shared/scripts';
import {
  SAMPLE_INPUT,
  SCRIPTS_DIR,
  explorePaths,
  indexedScriptFiles,
  loadStarterScript,
  loadStarterScripts,
  scriptFilesOnDisk,
  step,
} from './helpers';

const walk = (session: ScriptSession, input: unknown): ScriptSession => step(session, input);

const REQUIRED_TOPICS = [
  'case-status',
  'outside-processing-time',
  'change-of-address',
  'card-or-notice-not-received',
  'typo-correction',
  'expedite-request',
  'appointment-request',
  'tier2-escalation',
];

function outcomeKinds(script: Script): string[] {
  return Object.values(script.steps).flatMap((s) => (s.kind === 'outcome' ? [s.outcome] : []));
}

describe('starter scripts in resources/scripts', () => {
  it('index.json lists exactly the script files in the folder', () => {
    expect([...indexedScriptFiles()].sort()).toEqual(scriptFilesOnDisk());
  });

  it('covers every starter topic, each with versions 1, 2, … listed in order', () => {
    const scripts = loadStarterScripts();
    expect([...new Set(scripts.map((s) => s.id))].sort()).toEqual([...REQUIRED_TOPICS].sort());
    for (const id of REQUIRED_TOPICS) {
      const versions = scripts.filter((s) => s.id === id).map((s) => s.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
  });

  it('intents are unique across the latest scripts, so an IVR intent picks one script', () => {
    const intents = latestVersions(loadStarterScripts()).flatMap((s) => s.intents);
    expect(new Set(intents).size).toBe(intents.length);
  });

  describe.each(indexedScriptFiles())('%s', (file) => {
    it('validates, and its file name is <id>.v<version>.json', () => {
      const parsed = parseScriptFile(readFileSync(join(SCRIPTS_DIR, file), 'utf8'));
      if (!parsed.ok) expect.fail(parsed.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
      expect(scriptFileName(parsed.value)).toBe(file);
      expect(parsed.value.intents.length).toBeGreaterThan(0);
    });

    it('reaches every one of its outcomes by some answer sequence, in both languages', () => {
      const script = loadStarterScript(file);
      const outcomeSteps = Object.entries(script.steps)
        .filter(([, s]) => s.kind === 'outcome')
        .map(([id]) => id)
        .sort();
      for (const language of ['en', 'es'] as const) {
        const reached = explorePaths(startScript(script, { language }));
        expect([...reached.keys()].sort()).toEqual(outcomeSteps);
      }
    });

    it('renders every outcome note without unfilled placeholders on the way there', () => {
      const script = loadStarterScript(file);
      const session = startScript(script, { language: 'es', customer: { name: 'Ana' } });
      // A walk to each outcome: the note may mention only answers given on the way.
      for (const [, inputs] of explorePaths(session)) {
        let s = session;
        for (const input of inputs) s = walk(s, input);
        const outcome = outcomeOf(s);
        expect(outcome?.note).not.toMatch(/\[answers\./);
        expect(outcome?.note).not.toMatch(/\{\{/);
      }
    });
  });

  it('the scripts end in the outcomes the product asks for', () => {
    const byId = new Map(loadStarterScripts().map((s) => [s.id, s]));
    const kinds = (id: string): string[] => outcomeKinds(byId.get(id) as Script);
    expect(kinds('outside-processing-time')).toEqual(
      expect.arrayContaining(['service-request', 'tier2-escalation']),
    );
    expect(kinds('expedite-request')).toContain('expedite-intake');
    expect(kinds('expedite-request')).not.toContain('service-request');
    expect(kinds('tier2-escalation')).toContain('tier2-escalation');
    expect(kinds('change-of-address')).toContain('link-sent');
    const all = new Set([...byId.values()].flatMap(outcomeKinds));
    expect([...all].sort()).toEqual([
      'appointment-request',
      'callback',
      'expedite-intake',
      'link-sent',
      'resolved',
      'service-request',
      'tier2-escalation',
    ]);
  });

  it('the expedite script tells the caller the contact center does not decide, in both languages', () => {
    const script = byIdOf('expedite-request');
    const texts = Object.values(script.steps).flatMap((s) =>
      s.kind === 'say' ? [s.text] : s.kind === 'outcome' ? [s.note] : [],
    );
    expect(texts.some((t) => /does not decide/.test(t.en) && /no decide/.test(t.es))).toBe(true);
  });

  it('the expedite criteria are the domain criteria', () => {
    const criterion = byIdOf('expedite-request').steps.criterion;
    const values = criterion?.kind === 'question' ? (criterion.answer.choices ?? []).map((c) => c.value) : [];
    expect(values.filter((v) => v !== 'none')).toEqual([...EXPEDITE_CRITERION_IDS]);
  });

  it('the appointment script treats exactly the domain urgent reasons as urgent', () => {
    const script = byIdOf('appointment-request');
    const reason = script.steps.reason;
    if (reason?.kind !== 'question' || typeof reason.next === 'string')
      return expect.fail('reason must branch');
    const urgentBranch = reason.next.branches[0];
    expect(urgentBranch?.when.in).toEqual([...URGENT_APPOINTMENT_REASONS]);
    for (const value of URGENT_APPOINTMENT_REASONS) {
      const end = walkTo(script, { urgentReason: value });
      expect(end?.urgency).toBe('urgent');
    }
    expect(walkTo(script, { urgentReason: 'none' })?.urgency).toBe('non-urgent');
  });

  it('the appointment form starts from the reason and explanation the script collected', () => {
    const script = byIdOf('appointment-request');
    const urgent = walkTo(script, {
      urgentReason: 'medical-emergency',
      urgentExplanation: 'Surgery on the 4th',
    });
    expect(urgent?.carried).toEqual({ urgentReason: 'medical-emergency', explanation: 'Surgery on the 4th' });
    expect(walkTo(script, { urgentReason: 'none' })?.carried).toEqual({ urgentReason: 'none' });
  });

  it('a service request knows its type from the path through the script', () => {
    expect(walkTo(byIdOf('typo-correction'), { uscisError: true })).toMatchObject({
      outcome: 'service-request',
      serviceRequestType: 'typographical-error',
      carried: { explanation: 'sample answer' },
    });
    expect(walkTo(byIdOf('change-of-address'), { canUseOnline: false })).toMatchObject({
      serviceRequestType: 'address-change',
    });
    expect(
      walkTo(byIdOf('outside-processing-time'), {
        outsideProcessingTime: true,
        earlierRequestUnanswered: false,
      }),
    ).toMatchObject({
      serviceRequestType: 'outside-normal-processing-time',
    });
  });

  it('an IVR intent picks its script', () => {
    const scripts = loadStarterScripts();
    expect(scriptForIntent(scripts, 'expedite-request')?.id).toBe('expedite-request');
    expect(scriptForIntent(scripts, 'SUPERVISOR-REQUEST')?.id).toBe('tier2-escalation');
    expect(scriptForIntent(scripts, 'unknown-intent')).toBeUndefined();
    expect(scriptForIntent(scripts, null)).toBeUndefined();
  });
});

function byIdOf(id: string): Script {
  const script = latestVersions(loadStarterScripts()).find((s) => s.id === id);
  if (!script) throw new Error(`no starter script ${id}`);
  return script;
}

/** Walks with the given answers by key, a sample for the rest, to the outcome. */
function walkTo(script: Script, given: Record<string, unknown>): ReturnType<typeof outcomeOf> {
  let s = startScript(script, { language: 'en' });
  for (let i = 0; i < 50 && !outcomeOf(s); i++) {
    const current = currentStep(s);
    if (current.kind !== 'question') {
      s = walk(s, undefined);
      continue;
    }
    const spec = current.answer;
    const input =
      spec.key in given
        ? given[spec.key]
        : spec.type === 'choice'
          ? spec.choices?.[0]?.value
          : spec.type === 'yes-no'
            ? true
            : SAMPLE_INPUT[spec.type];
    s = walk(s, input);
  }
  return outcomeOf(s);
}

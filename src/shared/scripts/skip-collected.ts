import { currentStep, next, type ScriptSession } from './interpreter';

/**
 * The session moved to the step after what the caller already gave before reaching the
 * agent (a screen pop: the IVR's receipt number, the customer found): it walks from the
 * start through steps whose questions are prefilled, and stops at the first question
 * that is not, or at an outcome. It lands just after the last prefilled question it
 * passed (a "say" step leading to nothing prefilled is kept on screen), so nothing the
 * IVR collected is asked again; the walked steps stay in the history, and Back shows them.
 */
export function skipCollected(session: ScriptSession): ScriptSession {
  let walked = session;
  let landed = session;
  // Each step at most once: a script's steps form no cycle the walk could take twice.
  for (let i = 0; i < Object.keys(session.script.steps).length; i++) {
    const step = currentStep(walked);
    if (step.kind === 'outcome') break;
    if (step.kind === 'question' && !walked.prefilled.includes(step.answer.key)) break;
    const moved = next(walked);
    if (!moved.ok) break;
    walked = moved.value;
    if (step.kind === 'question') landed = walked;
  }
  return landed;
}

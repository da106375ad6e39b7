import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { HurtKind } from './intents.js';
import type { Reply } from './reply.js';
import { currentItem, displayFor, nextOrFinish, passAvoided } from './run.js';
import { blockToday } from './start.js';

/** Stop rules during a routine (safety.md section 3): "this hurts", "I feel dizzy". */

export function promptHurtKind(d: Draft): Reply {
  d.set({ phase: 'hurtKind' });
  d.say(d.copy.hurtKind);
  return d.reply({
    moment: 'hurt',
    expect: 'hurtKind',
    display: displayFor(d, d.copy.hurtKind),
    choices: Choices.hurtKinds(),
    reprompt: d.copy.hurtKindShort,
  });
}

export function answerHurt(d: Draft, kind: HurtKind): Reply {
  const current = currentItem(d);
  const stepId = current?.step.id;
  const routineId = d.session.run?.routineId;
  switch (kind) {
    case 'saddle':
      // Saddle numbness, bladder or bowel change, both legs weak: tier A.
      return blockToday(d, 'A', 'stopRule');
    case 'chest':
      return endRun(d, d.copy.chestStop);
    case 'pregnancy':
      return endRun(d, d.copy.pregnancyStop);
    case 'sharp':
    case 'spreading':
    case 'numbness':
      d.effect({ type: 'safetyEvent', kind: 'stopRule', ...(routineId ? { routineId } : {}), ...(stepId ? { stepId } : {}) });
      if (stepId && !d.profile.flaredSteps.includes(stepId)) d.updateProfile({ flaredSteps: [...d.profile.flaredSteps, stepId] });
      return promptHurtChoice(d, 'sharp');
    case 'mild':
      return promptHurtChoice(d, 'mild');
  }
}

/** Skip, easier (where the step has one), go on, or stop: the person chooses. */
export function promptHurtChoice(d: Draft, kind: 'sharp' | 'mild'): Reply {
  const hasEasier = currentItem(d)?.step.easier !== undefined;
  // Kept so that asking again keeps the stop advice of a sharp pain.
  d.set({ phase: 'hurtChoice', hurt: kind });
  const c = d.copy;
  const text = kind === 'sharp' ? [c.hurtSharp, hasEasier ? c.hurtSharpEasier : ''].filter(Boolean).join(' ') : hasEasier ? c.hurtMild : c.hurtMildNoEasier;
  d.say(text);
  return d.reply({ moment: 'hurt', expect: 'command', display: displayFor(d, text), choices: Choices.hurtChoice(c, hasEasier), reprompt: text });
}

/** Stops the routine for good today, with advice, and ends the conversation. */
function endRun(d: Draft, text: string): Reply {
  const routineId = d.session.run?.routineId;
  d.effect({ type: 'safetyEvent', kind: 'stopRule', ...(routineId ? { routineId } : {}) });
  d.set({ phase: 'idle', run: undefined });
  d.say(text);
  return d.reply({ moment: 'hurt', expect: 'nothing', display: { title: d.copy.name, body: text }, end: true });
}

/** Dizziness: stop, come back to a safe position, leave the move out today, then check for neurological signs. */
export function dizzy(d: Draft): Reply {
  const current = currentItem(d);
  const run = d.session.run!;
  const avoid = current ? [...new Set([...run.avoid, current.step.id])] : run.avoid;
  // Every head-hang technique goes too, once someone is dizzy.
  const routine = d.routine(run.routineId);
  const headHangs = routine?.steps.filter((s) => s.tags.includes('head-hang')).map((s) => s.id) ?? [];
  d.set({ phase: 'dizzyCheck', run: { ...run, avoid: [...new Set([...avoid, ...headHangs])] } });
  d.effect({ type: 'safetyEvent', kind: 'dizzy', routineId: run.routineId, ...(current ? { stepId: current.step.id } : {}) });
  d.say(d.copy.dizzyStop, d.copy.dizzyNeuro);
  return d.reply({
    moment: 'hurt',
    expect: 'yesNoUnsure',
    display: displayFor(d, d.copy.dizzyNeuro),
    choices: Choices.yesNoUnsure(),
    reprompt: d.copy.dizzyNeuro,
  });
}

export function answerDizzyCheck(d: Draft, answer: 'yes' | 'no'): Reply {
  if (answer === 'yes') return blockToday(d, 'A', 'stopRule');
  d.say(d.copy.dizzyOk);
  // Move past the avoided moves without presenting the next one: the person rests first.
  if (!passAvoided(d)) return nextOrFinish(d);
  d.set({ phase: 'paused' });
  return d.reply({ moment: 'paused', expect: 'command', display: displayFor(d, d.copy.dizzyOk), choices: Choices.paused(), reprompt: d.copy.dizzyOk });
}

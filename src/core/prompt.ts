import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { Reply } from './reply.js';
import { currentItem, displayFor, position, presentItem, promptCheckIn, promptIdle, promptPain, stepDisplay } from './run.js';
import { promptEquipment, promptPrerequisite, promptScreening } from './start.js';
import { promptHurtChoice, promptHurtKind } from './stop-rules.js';

/** What the coach asks or shows in each phase, and the help and history it gives anywhere. */

/**
 * What the coach asks or shows in the current phase. `repeat` re-asks after a side remark;
 * `brief` in a step reminds of the commands instead of presenting the step again.
 */
export function prompt(d: Draft, opts: { repeat?: boolean; brief?: boolean } = {}): Reply {
  const c = d.copy;
  const question = (moment: Reply['moment'], text: string, expect: Reply['expect'], choices = Choices.yesNo()) => {
    d.say(text);
    return d.reply({ moment, expect, display: displayFor(d, text), choices, reprompt: text });
  };
  switch (d.session.phase) {
    case 'idle':
      return promptIdle(d);
    case 'resumeOffer': {
      const run = d.session.run!;
      const pos = position(run);
      return question('greeting', c.resumeOffer(d.routine(run.routineId)?.title ?? run.routineId, pos.index, pos.total, run.items[run.index]?.side), 'yesNo');
    }
    case 'settled':
      return question('settled', c.settledQuestion, 'yesNo');
    case 'screening':
      return promptScreening(d);
    case 'prerequisite':
      return promptPrerequisite(d);
    case 'equipment':
      return promptEquipment(d);
    case 'painBefore':
      return promptPain(d, 'painBefore');
    case 'painAfter':
      return promptPain(d, 'painAfter');
    case 'checkIn':
      return promptCheckIn(d);
    case 'step':
      if (opts.brief) {
        d.say(c.whenReady(d.channel));
        // The screen keeps showing the step: only the words are brief.
        return d.reply({ moment: 'step', expect: 'command', display: stepDisplay(d) ?? displayFor(d, ''), choices: Choices.step(), reprompt: c.whenReady(d.channel) });
      }
      return presentItem(d);
    case 'paused':
      return question('paused', c.paused(d.channel), 'command', Choices.paused());
    case 'hurtKind':
      return promptHurtKind(d);
    case 'hurtChoice':
      return promptHurtChoice(d, d.session.hurt ?? 'sharp');
    case 'dizzyCheck':
      return question('hurt', c.dizzyNeuro, 'yesNoUnsure', Choices.yesNoUnsure());
    case 'reminderOffer':
      return question('reminder', c.reminderOffer, 'yesNo');
    case 'reminderTime':
      return question('reminder', c.reminderWhen, 'command', []);
    case 'forget':
      return question('forget', c.forgetConfirm, 'yesNo');
    case 'blocked': {
      const text = c.blockedToday(d.session.blocked?.tier ?? 'B');
      d.say(text);
      return d.reply({ moment: d.session.blocked?.tier === 'A' ? 'emergency' : 'urgent', expect: 'nothing', display: { title: c.name, body: text }, end: true });
    }
  }
}

export function helpFor(d: Draft): string {
  const h = d.copy.help;
  switch (d.session.phase) {
    case 'screening':
      return h.screening;
    case 'step':
    case 'paused':
    case 'hurtChoice':
      return h.step;
    case 'painBefore':
    case 'painAfter':
    case 'checkIn':
      return h.pain;
    case 'idle':
    case 'blocked':
      return h.idle;
    default:
      return h.question;
  }
}

export function historyText(d: Draft): string {
  const entries = d.ctx.history.filter((h) => h.completed).slice(0, 3);
  if (entries.length === 0) return d.copy.historyNone;
  return d.copy.history(
    entries.map((h) => d.copy.historyLine(d.routine(h.routineId)?.title ?? h.routineId, h.finishedAt.slice(0, 10), h.painBefore, h.painAfter)),
  );
}

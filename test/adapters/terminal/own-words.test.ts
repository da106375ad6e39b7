import { expect } from 'chai';
import { createCoachService } from '../../../src/app/service.js';
import { TerminalChat } from '../../../src/adapters/terminal/chat.js';
import type { Reply } from '../../../src/core/reply.js';
import { loadUnderstanding } from '../../../src/language/index.js';
import { createLogger } from '../../../src/log.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { MemoryStore } from '../../../src/store/index.js';


const ROUTINES = loadRoutines();
const UNDERSTANDING = loadUnderstanding(ROUTINES);

/** A terminal chat for one person on a memory store, through the application service, with its own clock. */
function chatFor(personId: string, now: () => Date = () => new Date('2026-11-23T09:00:00Z'), write: (text: string) => void = () => {}): TerminalChat {
  const coach = createCoachService({ store: new MemoryStore(), routines: ROUTINES, log: createLogger('silent'), now });
  return new TerminalChat({ coach, personId, locale: 'en-US', write, understanding: UNDERSTANDING });
}

/** What the coach said in a reply, as one text. */
const text = (r: Reply | undefined) => r!.speech.map((s) => ('text' in s ? s.text : '')).join(' ');

/**
 * How many screening questions a person answers before the first stretch (safety.md section 1), counted in a
 * conversation typed in a person's own words through the terminal and the application service: a healthy
 * first-timer at most 5, a returning person 1. Equipment, pain and the settle question are not screening.
 */
describe('terminal: screening questions before the first stretch', () => {
  const DAY = 86_400_000;
  let clock = new Date('2026-11-23T09:00:00Z');
  const chat = chatFor('terminal:counting', () => clock);

  /** Types lines until a step is presented, answering every screening question the way a healthy person does. */
  async function toFirstStep(opening: string, answers: string[]): Promise<{ questions: number; replies: Reply[] }> {
    const replies: Reply[] = [];
    let reply = await chat.line(opening);
    let questions = 0;
    for (let i = 0; reply && reply.moment !== 'step'; i++) {
      replies.push(reply);
      if (i > 30) throw new Error(`no step after 30 lines; last: ${reply.moment}`);
      let said: string;
      if (reply.moment === 'screening') said = answers[questions++] ?? 'no';
      else if (reply.moment === 'settled') said = 'yes it did';
      else if (reply.moment === 'equipment') said = 'yes I have it';
      else if (reply.moment === 'painBefore') said = 'about a 3';
      else throw new Error(`unexpected ${reply.moment}: ${reply.speech.map((s) => ('text' in s ? s.text : '')).join(' ')}`);
      reply = await chat.line(said);
    }
    return { questions, replies };
  }

  it('a healthy first-timer answers 4 screening questions (at most 5)', async () => {
    const { questions, replies } = await toFirstStep('start the back break please', ['no', 'nope', 'no none of those', 'no']);
    expect(questions).to.equal(4);
    expect(questions).to.be.at.most(5);
    expect(replies[0]?.moment).to.equal('screening');
  });

  it('the same person the next day answers 1', async () => {
    clock = new Date(clock.getTime() + DAY);
    const { questions } = await toFirstStep('can we do five moves', ['no']);
    expect(questions).to.equal(1);
  });
});

describe('terminal: the time a person says they have', () => {
  const chat = chatFor('terminal:minutes');

  it('"I have ten minutes" is offered a routine of about ten minutes or less, not "about 11"', async () => {
    const reply = await chat.line('I have ten minutes');
    const said = reply!.speech.map((s) => ('text' in s ? s.text : '')).join(' ');
    const minutes = Number(/It takes about (\d+) minutes/.exec(said)?.[1]);
    expect(minutes, said).to.be.within(1, 10);
  });
});

describe('terminal: a hello while the coach asks which routine', () => {
  const chat = chatFor('terminal:hello');

  it('"hi there" just after the welcome is not welcomed back a second time', async () => {
    expect(text(await chat.open())).to.include('Welcome to Back Break');
    const hello = text(await chat.line('hi there'));
    expect(hello).to.not.include('Welcome back');
    expect(hello).to.match(/^Hi again\. Which routine would you like\?/);
  });
});

describe('terminal: words for a surface with nothing to tap and no way to remind later', () => {
  const said: string[] = [];
  const chat = chatFor('terminal:words', undefined, (t) => said.push(t));

  it('a whole routine says "type next", never "tap", and ends by saying where reminders come from instead of offering one', async () => {
    let reply = await chat.line('start the back break');
    for (let i = 0; reply?.moment === 'screening' && i < 6; i++) reply = await chat.line('no');
    if (reply?.moment === 'equipment') reply = await chat.line('yes');
    reply = await chat.line('3');
    for (let i = 0; reply?.moment === 'step' && i < 20; i++) {
      expect(text(reply)).to.not.match(/\btap\b/i);
      reply = await chat.line('next');
    }
    expect(reply?.moment).to.equal('painAfter');
    const end = await chat.line('2');
    expect(text(end)).to.include('For a daily reminder, ask Back Break on Slack or Alexa.');
    expect(text(end)).to.not.include('Would you like a daily reminder');
    expect(end?.end).to.equal(true);
    expect(said.join('\n')).to.not.match(/\btap\b/i);
  });

  it('"remind me every day at 6pm" is not promised where nothing will send it', async () => {
    const reply = await chat.line('remind me every day at 6pm');
    expect(text(reply)).to.include('ask Back Break on Slack or Alexa');
    expect(text(reply)).to.not.include("I'll remind you");
  });
});

describe('terminal: "I dont have a strap" in the middle of five moves', () => {
  const chat = chatFor('terminal:strap');

  it('keeps the routine and names what will do instead (it dropped the routine and asked the emergency question again)', async () => {
    let reply = await chat.line('five moves');
    for (let i = 0; reply?.moment === 'screening' && i < 6; i++) reply = await chat.line('no');
    if (reply?.moment === 'equipment') reply = await chat.line('yes');
    reply = await chat.line('3');
    for (let i = 0; i < 3; i++) reply = await chat.line('next');
    expect(text(reply)).to.include('Strap stretch');
    const remark = await chat.line('I dont have a strap');
    expect(remark?.moment).to.equal('step');
    expect(text(remark)).to.include('A belt or a towel will do just as well');
    expect(text(remark)).to.not.include('safety check');
  });
});

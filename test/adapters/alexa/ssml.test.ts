import { expect } from 'chai';
import fc from 'fast-check';
import type { HoldTimer, Segment } from '../../../src/core/reply.js';
import {
  escapeText,
  MAX_HOLD_SECONDS,
  MAX_SSML_CHARS,
  plainSsml,
  renderSpeech,
  silence,
} from '../../../src/adapters/alexa/ssml.js';
import { checkSsml, ssmlText } from './ssml-check.js';

const CUT = "Stay here as long as feels good. Say next when you're ready.";
const say = (text: string): Segment => ({ kind: 'say', text });

function hold(seconds: number, cues: HoldTimer['cues'] = [], closing = "Release. Say next when you're ready."): HoldTimer {
  return { seconds, cues, closing, stepKey: 'r:0:1' };
}

function wellFormed(ssml: string) {
  const { problems, facts } = checkSsml(ssml);
  expect(problems, ssml.slice(0, 300)).to.deep.equal([]);
  return facts;
}

describe('alexa SSML renderer', () => {
  it('escapes &, <, > and quotes in spoken text', () => {
    expect(escapeText(`Tom & Jerry's <"roller">`)).to.equal('Tom &amp; Jerry&apos;s &lt;&quot;roller&quot;&gt;');
    const { ssml } = renderSpeech({ speech: [say('Knees & hips <gently> "slowly"')] }, { cutClosing: CUT });
    wellFormed(ssml);
    expect(ssmlText(ssml)).to.equal('Knees & hips <gently> "slowly"');
  });

  it('does not double-escape text that looks escaped', () => {
    expect(escapeText('&amp;')).to.equal('&amp;amp;');
  });

  it('renders pauses as chained breaks of at most 10 s', () => {
    expect(silence(25)).to.equal('<break time="10s"/><break time="10s"/><break time="5s"/>');
    expect(silence(1.5)).to.equal('<break time="1500ms"/>');
    expect(silence(0)).to.equal('');
    const facts = wellFormed(renderSpeech({ speech: [say('Breathe in.'), { kind: 'pause', seconds: 34 }, say('Out.')] }, { cutClosing: CUT }).ssml);
    expect(facts.breaks).to.deep.equal([10, 10, 10, 4]);
  });

  it('plays a hold as silence with its cues at their times and the closing at the end', () => {
    const reply = {
      speech: [say('Hug your knees.'), say('Hold for 6 breaths.')],
      hold: hold(30, [
        { at: 10, text: 'Breathe out slowly.' },
        { at: 20, text: 'Halfway.' },
      ]),
    };
    const { ssml, holdSeconds, holdCut } = renderSpeech(reply, { cutClosing: CUT });
    const facts = wellFormed(ssml);
    expect(holdSeconds).to.equal(30);
    expect(holdCut).to.equal(false);
    const text = ssmlText(ssml);
    expect(text.indexOf('Hug your knees.')).to.be.lessThan(text.indexOf('Breathe out slowly.'));
    expect(text.indexOf('Breathe out slowly.')).to.be.lessThan(text.indexOf('Halfway.'));
    expect(text.endsWith("Release. Say next when you're ready.")).to.equal(true);
    // The first cue comes after 10 s of silence; cue speaking time is taken from the silence after it.
    const beforeFirstCue = ssml.slice(0, ssml.indexOf('Breathe out slowly.'));
    expect(checkSsml(`<speak>${beforeFirstCue.replace('<speak>', '')}</speak>`).facts.silence).to.equal(10);
    expect(facts.silence).to.be.within(30 - 4, 30);
  });

  it('drops cues past the end of the hold and ignores a cue that overlaps the one before', () => {
    const { ssml } = renderSpeech(
      { speech: [], hold: hold(12, [{ at: 5, text: 'A rather long cue that takes a few seconds to say.' }, { at: 6, text: 'Overlap.' }, { at: 40, text: 'Too late.' }]) },
      { cutClosing: CUT },
    );
    wellFormed(ssml);
    expect(ssml).not.to.include('Overlap.');
    expect(ssml).not.to.include('Too late.');
  });

  it('caps a very long hold and ends it with the "say next" line', () => {
    const { ssml, holdSeconds, holdCut } = renderSpeech({ speech: [say('Lie still.')], hold: hold(20 * 60) }, { cutClosing: CUT });
    const facts = wellFormed(ssml);
    expect(holdCut).to.equal(true);
    expect(holdSeconds).to.equal(MAX_HOLD_SECONDS);
    expect(facts.silence).to.equal(MAX_HOLD_SECONDS);
    expect(ssmlText(ssml).endsWith(CUT)).to.equal(true);
    expect(ssml).not.to.include('Release.');
  });

  it('stays under the character limit when the speech itself is long, keeping the closing', () => {
    const long = Array.from({ length: 400 }, (_, i) => say(`Sentence number ${i} about slow breathing.`));
    const { ssml, holdCut } = renderSpeech({ speech: long, hold: hold(200) }, { cutClosing: CUT });
    const facts = wellFormed(ssml);
    expect(facts.chars).to.be.at.most(MAX_SSML_CHARS);
    expect(holdCut).to.equal(true);
    expect(ssmlText(ssml).endsWith(CUT)).to.equal(true);
  });

  it('renders a line of plain text as its own document', () => {
    expect(plainSsml('Ready? Say "next".')).to.equal('<speak><s>Ready? Say &quot;next&quot;.</s></speak>');
  });

  it('is always well-formed and within limits, whatever the text and timings', () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 200 }).map((text): Segment => ({ kind: 'say', text })),
      fc.double({ min: 0, max: 100, noNaN: true }).map((seconds): Segment => ({ kind: 'pause', seconds })),
    );
    const cue = fc.record({ at: fc.integer({ min: -5, max: 4000 }), text: fc.string({ maxLength: 80 }) });
    const holdTimer = fc.record({
      seconds: fc.integer({ min: 0, max: 4000 }),
      cues: fc.array(cue, { maxLength: 30 }),
      closing: fc.string({ maxLength: 80 }),
      stepKey: fc.constant('k'),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 80 }), fc.option(holdTimer, { nil: undefined }), (speech, h) => {
        const { ssml } = renderSpeech({ speech, hold: h }, { cutClosing: CUT });
        const { problems, facts } = checkSsml(ssml);
        return problems.length === 0 && facts.chars <= MAX_SSML_CHARS;
      }),
      { numRuns: 300 },
    );
  });
});

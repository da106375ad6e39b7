import './quiet-aws.js';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VirtualAlexa } from 'virtual-alexa';
import { interactionModelText, LOCALES } from '../../../src/adapters/alexa/model/build.js';
import { spokenForm } from '../../../src/language/names.js';
import { modelPath, skillModelPath } from '../../../src/adapters/alexa/model/write.js';
import { loadCorpus } from '../../../src/language/corpus.js';
import { toCoreIntent } from '../../../src/adapters/alexa/understand.js';
import { HurtKind } from '../../../src/core/intents.js';
import { parseDays } from '../../../src/core/reminder.js';
import { EquipmentId } from '../../../src/core/routine.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { definition, discriminated, smapiErrors } from './smapi.js';
import { type Alexa, hear, speak } from './voice.js';

const routines = loadRoutines();
const MANIFEST_PATH = fileURLToPath(new URL('../../../skill-package/skill.json', import.meta.url));
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));

interface ModelIntent {
  name: string;
  slots?: Array<{ name: string; type: string }>;
  samples: string[];
}
interface ModelType {
  name: string;
  values: Array<{ id: string; name: { value: string; synonyms?: string[] } }>;
}

function readModel(locale: string) {
  return JSON.parse(readFileSync(modelPath(locale), 'utf8'));
}

/** A virtual Alexa on the model that records what it would send, instead of calling a skill. */
function listening(locale: string): { alexa: Alexa; sent: () => any } {
  let last: any;
  const alexa = VirtualAlexa.Builder()
    .interactionModelFile(modelPath(locale))
    .locale(locale)
    .handler(async (event: any) => {
      last = event;
      return { version: '1.0', response: { shouldEndSession: false } };
    })
    .create();
  return { alexa, sent: () => last };
}

const REQUIRED_CUSTOM = [
  'StartRoutineIntent',
  'ListRoutinesIntent',
  'RecommendIntent',
  'HurtsIntent',
  'DizzyIntent',
  'EasierIntent',
  'SkipIntent',
  'ProgressIntent',
  'PainScoreIntent',
  'SetReminderIntent',
  'ForgetMeIntent',
  'NotSureIntent',
];
const REQUIRED_BUILT_IN = ['Next', 'Previous', 'Repeat', 'Pause', 'Resume', 'StartOver', 'Yes', 'No', 'Help', 'Stop', 'Cancel', 'Fallback', 'NavigateHome'].map(
  (n) => `AMAZON.${n}Intent`,
);

for (const locale of LOCALES) {
  describe(`alexa interaction model ${locale}`, () => {
    const model = readModel(locale);
    const lm = model.interactionModel.languageModel;
    const intents = lm.intents as ModelIntent[];
    const types = lm.types as ModelType[];
    const type = (name: string) => types.find((t) => t.name === name)!;

    it("is valid against Amazon's SMAPI InteractionModelData", () => {
      expect(smapiErrors('v1.skill.interactionModel.InteractionModelData', model)).to.deep.equal([]);
    });

    it('the SMAPI check catches a broken model', () => {
      const broken = structuredClone(model);
      broken.interactionModel.languageModel.invocationName = 7;
      delete broken.interactionModel.languageModel.intents;
      expect(smapiErrors('v1.skill.interactionModel.InteractionModelData', broken)).to.have.length.greaterThan(0);
    });

    it('is what `npm run alexa:model` makes of the current routines', () => {
      expect(readFileSync(modelPath(locale), 'utf8'), 'run npm run alexa:model').to.equal(interactionModelText(routines, locale));
    });

    it('is invoked as "back break" and has every intent the coach needs', () => {
      expect(lm.invocationName).to.equal('back break');
      const names = intents.map((i) => i.name);
      expect(names).to.include.members([...REQUIRED_CUSTOM, ...REQUIRED_BUILT_IN]);
    });

    it('gives every custom intent at least eight samples, written as Amazon requires', () => {
      const seen = new Map<string, string>();
      for (const intent of intents) {
        if (!intent.name.startsWith('AMAZON.')) expect(intent.samples.length, intent.name).to.be.at.least(8);
        const slotNames = new Set((intent.slots ?? []).map((s) => s.name));
        const used = new Set<string>();
        for (const sample of intent.samples) {
          expect(sample, `${intent.name}: words, apostrophes and {slots} only`).to.match(/^[a-zA-Z' {}]+$/);
          expect(sample.length).to.be.at.most(200);
          for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) {
            expect(slotNames.has(slot!), `${intent.name} sample "${sample}" names an undeclared slot`).to.equal(true);
            used.add(slot!);
          }
          const key = sample.toLowerCase();
          expect(seen.get(key), `"${sample}" is a sample of two intents`).to.be.oneOf([undefined, intent.name]);
          seen.set(key, intent.name);
        }
        for (const s of slotNames) expect(used.has(s), `${intent.name}.${s} appears in no sample`).to.equal(true);
      }
    });

    it('declares every slot type it uses', () => {
      for (const intent of intents) {
        for (const slot of intent.slots ?? []) {
          if (!slot.type.startsWith('AMAZON.')) expect(type(slot.type), slot.type).to.not.equal(undefined);
        }
      }
    });

    it('maps every intent to a core intent; only Fallback (and the adapter\'s own LinkAccountIntent) is "unknown"', () => {
      for (const intent of intents) {
        const core = toCoreIntent({ name: intent.name, confirmationStatus: 'NONE', slots: {} });
        // LinkAccountIntent is no turn of the coach's: its own handler reads a link code (handlers.ts).
        if (intent.name === 'AMAZON.FallbackIntent' || intent.name === 'LinkAccountIntent') expect(core.type).to.equal('unknown');
        else expect(core.type, intent.name).to.not.equal('unknown');
      }
    });

    it('names each slot value once per type (Amazon rejects a name two values share)', () => {
      for (const t of types) {
        const names = t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((n) => n.toLowerCase()));
        const twice = names.filter((n, i) => names.indexOf(n) !== i);
        expect(twice, t.name).to.deep.equal([]);
        expect(new Set(t.values.map((v) => v.id)).size, t.name).to.equal(t.values.length);
      }
    });

    it("uses the core's ids for hurt kinds, equipment and reminder days", () => {
      // Every kind of hurt is heard: as a HURT_KIND value ("it's sharp"), or as a meaning of its own (the tier A signs).
      const values = type('HURT_KIND').values.map((v) => v.id);
      const own = Object.keys(loadCorpus(locale).intents).flatMap((label) => (label.startsWith('hurts.') ? [label.slice('hurts.'.length)] : []));
      for (const id of values) expect(HurtKind.options, id).to.include(id);
      for (const kind of HurtKind.options) expect([...values, ...own], kind).to.include(kind);
      for (const v of type('EQUIPMENT').values) expect(EquipmentId.options).to.include(v.id);
      for (const v of type('REMINDER_DAYS').values) expect(parseDays(v.id), v.id).to.not.equal(undefined);
    });

    it('agrees with routines/: one ROUTINE_NAME value per routine, with its title and synonyms', () => {
      const values = type('ROUTINE_NAME').values;
      expect(values.map((v) => v.id)).to.have.members(routines.map((r) => r.id));
      for (const routine of routines) {
        const value = values.find((v) => v.id === routine.id)!;
        const names = [value.name.value, ...(value.name.synonyms ?? [])];
        expect(names, routine.id).to.include(spokenForm(routine.title));
        for (const synonym of routine.synonyms) {
          const owner = values.find((v) => [v.name.value, ...(v.name.synonyms ?? [])].includes(spokenForm(synonym)));
          expect(owner, `"${synonym}" of ${routine.id}`).to.not.equal(undefined);
        }
      }
    });

    it('resolves every routine by its title, id and synonyms in a spoken request', async () => {
      const { alexa, sent } = listening(locale);
      for (const routine of routines) {
        for (const name of [routine.title, routine.id, ...routine.synonyms]) {
          await speak(alexa, `start ${spokenForm(name)}`);
          const intent = sent().request.intent;
          expect(intent.name, name).to.equal('StartRoutineIntent');
          const core = toCoreIntent(intent);
          expect(core.type).to.equal('start');
          // A synonym two routines share resolves to the first; every other name to its own routine.
          const owner = routines.find((r) => [r.title, r.id, ...r.synonyms].some((n) => spokenForm(n) === spokenForm(name)));
          expect(core.type === 'start' && core.routine, name).to.equal(owner!.id);
        }
      }
    });

    it('hears the phrases people use mid-routine as the right intents', () => {
      const { alexa } = listening(locale);
      const phrases: Array<[string, string, Record<string, string>?]> = [
        ['start the foam roller routine', 'StartRoutineIntent', { routine: 'foam roller' }],
        ['this hurts', 'HurtsIntent'],
        ["it's sharp", 'HurtsIntent', { kind: 'sharp' }],
        ['spreading down my leg', 'HurtsIntent', { kind: 'spreading down my leg' }],
        ['I feel dizzy', 'DizzyIntent'],
        ['make it easier', 'EasierIntent'],
        ['skip this one', 'SkipIntent'],
        ['where am I', 'ProgressIntent'],
        ['how many left', 'ProgressIntent'],
        ['seven', 'PainScoreIntent', { score: 'seven' }],
        ["I don't know", 'NotSureIntent'],
        ['maybe', 'NotSureIntent'],
        ['not sure', 'NotSureIntent'],
        ['I have five minutes', 'RecommendIntent', { minutes: 'five' }],
        ["I don't have a strap", 'RecommendIntent', { equipment: 'strap' }],
        ['remind me weekdays at 3 pm', 'SetReminderIntent', { days: 'weekdays', time: '3 pm' }],
        ['forget me', 'ForgetMeIntent'],
        ['list routines', 'ListRoutinesIntent'],
        ['next', 'AMAZON.NextIntent'],
        ['yes', 'AMAZON.YesIntent'],
        ['no', 'AMAZON.NoIntent'],
        ['pause', 'AMAZON.PauseIntent'],
      ];
      for (const [text, intent, slots] of phrases) {
        const heard = hear(alexa, text);
        expect(heard?.intent, text).to.equal(intent);
        if (slots) expect(heard?.slots, text).to.deep.equal(slots);
      }
      expect(hear(alexa, 'the weather in paris')).to.equal(undefined);
    });
  });
}

describe('alexa skill manifest', () => {
  it("is valid against Amazon's SMAPI SkillManifestEnvelope", () => {
    expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', manifest)).to.deep.equal([]);
  });

  it('the SMAPI check catches a broken manifest', () => {
    const broken = structuredClone(manifest);
    broken.manifest.permissions = [{ name: 'alexa::reminders:everything' }];
    broken.manifest.publishingInformation.locales['en-US'].examplePhrases.push('a', 'b');
    expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', broken)).to.have.length.greaterThan(1);
  });

  it('declares the interfaces by their SMAPI definitions (Swagger discriminators checked here)', () => {
    const interfaces = manifest.manifest.apis.custom.interfaces as Array<{ type: string }>;
    expect(interfaces.map((i) => i.type)).to.include('ALEXA_PRESENTATION_APL');
    const known = (definition('v1.skill.Manifest.InterfaceType') as { enum: string[] }).enum;
    for (const iface of interfaces) {
      expect(known).to.include(iface.type);
      const sub = discriminated('v1.skill.Manifest.Interface', iface.type);
      expect(sub, iface.type).to.be.a('string');
      expect(smapiErrors(sub!, iface)).to.deep.equal([]);
    }
  });

  it('asks for the reminders permission and serves en-US and en-GB', () => {
    expect(manifest.manifest.permissions).to.deep.include({ name: 'alexa::alerts:reminders:skill:readwrite' });
    expect(Object.keys(manifest.manifest.publishingInformation.locales)).to.have.members([...LOCALES]);
  });

  it('carries the health disclaimer in every description', () => {
    for (const locale of LOCALES) {
      const info = manifest.manifest.publishingInformation.locales[locale];
      expect(info.name).to.equal('Back Break');
      const text = info.description.toLowerCase();
      for (const phrase of ['information and exercise guidance only', 'not a diagnosis or treatment', 'ask a doctor', 'emergency', 'local emergency number']) {
        expect(text, `${locale}: "${phrase}"`).to.include(phrase);
      }
    }
  });

  it('has example phrases the interaction model matches', async () => {
    for (const locale of LOCALES) {
      const phrases = manifest.manifest.publishingInformation.locales[locale].examplePhrases as string[];
      expect(phrases.length).to.be.within(1, 3);
      expect(phrases[0]).to.match(/^Alexa, open back break$/);
      const { alexa, sent } = listening(locale);
      for (const phrase of phrases.slice(1)) {
        const match = /^Alexa, ask back break to (.+)$/.exec(phrase);
        expect(match, phrase).to.not.equal(null);
        expect(hear(alexa, match![1]!), phrase).to.not.equal(undefined);
        await speak(alexa, phrase);
        expect(sent().request.type).to.equal('IntentRequest');
      }
      await speak(alexa, 'Alexa, ask back break to start the foam roller routine');
      expect(toCoreIntent(sent().request.intent)).to.deep.equal({ type: 'start', routine: 'spinal-love' });
    }
  });
});

describe('alexa interaction model files', () => {
  it('the ASK CLI skill package holds the same model as interaction-models/', () => {
    for (const locale of LOCALES) {
      expect(readFileSync(skillModelPath(locale), 'utf8'), `${locale}: run npm run alexa:model`).to.equal(readFileSync(modelPath(locale), 'utf8'));
    }
  });

  it('is made from the language corpus: every spoken sample of a meaning Alexa hears is in the model', () => {
    for (const locale of LOCALES) {
      const lm = readModel(locale).interactionModel.languageModel;
      const corpus = loadCorpus(locale);
      for (const entry of Object.values(corpus.intents)) {
        if (!entry.alexa) continue;
        const intent = (lm.intents as ModelIntent[]).find((i) => i.name === entry.alexa);
        expect(intent?.samples, entry.alexa).to.deep.equal(entry.spoken);
      }
    }
  });

  it('a locale hears its own overlay and not the other one', () => {
    const samples = (locale: string) => (readModel(locale).interactionModel.languageModel.intents as ModelIntent[]).flatMap((i) => i.samples);
    expect(samples('en-GB')).to.include('ta very much').and.not.include('thanks a bunch');
    expect(samples('en-US')).to.include('thanks a bunch').and.not.include('ta very much');
  });
});

/**
 * The interaction model's intents, as data. Fixed slot types are in slot-types.ts; ROUTINE_NAME is generated
 * from routines/ (see build.ts). Sample rules (Amazon's): words only, numbers spelled out, no punctuation but
 * apostrophes.
 */

export interface SlotDef {
  name: string;
  type: string;
}

export interface IntentDef {
  name: string;
  slots?: SlotDef[];
  samples: string[];
}

export interface SlotValueDef {
  id: string;
  value: string;
  synonyms: string[];
}

export interface SlotTypeDef {
  name: string;
  values: SlotValueDef[];
}

export const CUSTOM_INTENTS: IntentDef[] = [
  {
    name: 'StartRoutineIntent',
    slots: [{ name: 'routine', type: 'ROUTINE_NAME' }],
    samples: [
      'start {routine}',
      'start the {routine}',
      'start the {routine} routine',
      'start my {routine} routine',
      'begin the {routine} routine',
      'do the {routine} routine',
      'do {routine}',
      "let's do {routine}",
      "let's do the {routine} routine",
      'I want to do {routine}',
      "I'd like to do the {routine} routine",
      'take me through {routine}',
      'guide me through the {routine} routine',
      'the {routine} one',
      'the {routine} routine',
      '{routine}',
      'start a routine',
      'start a session',
      "let's get started",
      'begin a routine',
    ],
  },
  {
    name: 'ListRoutinesIntent',
    samples: [
      'list routines',
      'list the routines',
      'what routines are there',
      'what routines do you have',
      'which routines do you have',
      'tell me the routines',
      'what are my options',
      'read me the list',
      'what can I choose from',
      'what exercises do you have',
    ],
  },
  {
    name: 'RecommendIntent',
    slots: [
      { name: 'minutes', type: 'AMAZON.NUMBER' },
      { name: 'equipment', type: 'EQUIPMENT' },
    ],
    samples: [
      'recommend a routine',
      'recommend one',
      'surprise me',
      'what should I do today',
      'pick one for me',
      'choose one for me',
      'what do you recommend',
      'something quick',
      'I have {minutes} minutes',
      "I've got {minutes} minutes",
      'I only have {minutes} minutes',
      'something for {minutes} minutes',
      'a {minutes} minute routine',
      "I don't have a {equipment}",
      'something without a {equipment}',
      'no {equipment}',
      'I have no {equipment}',
      'I have {minutes} minutes and no {equipment}',
      'something for {minutes} minutes without a {equipment}',
    ],
  },
  {
    name: 'HurtsIntent',
    slots: [{ name: 'kind', type: 'HURT_KIND' }],
    samples: [
      'this hurts',
      'it hurts',
      'that hurts',
      'ouch',
      "I'm in pain",
      'this is painful',
      'my back hurts',
      'I feel {kind}',
      'it feels {kind}',
      "it's {kind}",
      'I have {kind} pain',
      'I have a {kind} pain',
      "it's a {kind} pain",
      'the pain is {kind}',
      '{kind}',
      "this hurts it's {kind}",
      "it hurts and it's {kind}",
      "I've got {kind}",
      'I have {kind}',
      'my leg is {kind}',
    ],
  },
  {
    name: 'DizzyIntent',
    samples: [
      'I feel dizzy',
      "I'm dizzy",
      'dizzy',
      "I'm feeling dizzy",
      'I feel woozy',
      "I'm lightheaded",
      'I feel light headed',
      'the room is spinning',
      'my head is spinning',
      'I feel giddy',
      'I feel unsteady',
    ],
  },
  {
    name: 'EasierIntent',
    samples: [
      'make it easier',
      'easier',
      'something easier',
      'an easier version',
      'this is too hard',
      'too hard',
      'give me an easier version',
      "that's too much",
      "I can't do this one",
      'is there an easier way',
      'make it gentler',
      'gentler please',
    ],
  },
  {
    name: 'SkipIntent',
    samples: [
      'skip',
      'skip this',
      'skip this one',
      'skip this step',
      'skip this exercise',
      'skip it',
      'skip that',
      "I'd rather skip this",
      'leave this one out',
      "I don't want to do this one",
      "let's skip this",
    ],
  },
  {
    name: 'ProgressIntent',
    samples: [
      'where am I',
      'how many left',
      'how many steps are left',
      'how many are left',
      'how far along am I',
      'what step is this',
      'what step am I on',
      'how much longer',
      'how long is left',
      "what's left",
    ],
  },
  {
    name: 'PainScoreIntent',
    slots: [{ name: 'score', type: 'AMAZON.NUMBER' }],
    samples: [
      '{score}',
      "it's {score}",
      "it's a {score}",
      'about {score}',
      'about a {score}',
      'a {score}',
      'my pain is {score}',
      'my pain is a {score}',
      "I'd say {score}",
      "I'd say a {score}",
      '{score} out of ten',
      "it's {score} out of ten",
      'my back is a {score}',
      'pain level {score}',
      'around {score}',
    ],
  },
  {
    name: 'SetReminderIntent',
    slots: [
      { name: 'time', type: 'AMAZON.TIME' },
      { name: 'days', type: 'REMINDER_DAYS' },
    ],
    samples: [
      'remind me at {time}',
      'remind me {days} at {time}',
      'remind me every {days} at {time}',
      'remind me on {days} at {time}',
      'remind me at {time} on {days}',
      'remind me at {time} every {days}',
      'set a reminder for {time}',
      'set a reminder for {days} at {time}',
      'set a reminder',
      'set up a reminder',
      'remind me {days}',
      'remind me',
      'remind me to take a back break at {time}',
      'remind me to do this again',
      '{days} at {time}',
      'every {days} at {time}',
    ],
  },
  {
    name: 'ReminderOffIntent',
    samples: [
      'turn off my reminders',
      'turn off reminders',
      'stop my reminders',
      'cancel my reminder',
      'delete my reminder',
      'no more reminders',
      'remove my reminder',
      'stop reminding me',
      "I don't want reminders anymore",
    ],
  },
  {
    name: 'ForgetMeIntent',
    samples: [
      'forget me',
      'delete my data',
      'erase my data',
      'delete everything you know about me',
      'forget everything about me',
      'remove my data',
      'wipe my data',
      'erase everything',
      'clear my data',
    ],
  },
  {
    name: 'NotSureIntent',
    samples: [
      'not sure',
      "I'm not sure",
      'maybe',
      "I don't know",
      'perhaps',
      'possibly',
      'no idea',
      "I can't say",
      'hard to say',
      "I'm not certain",
      "I can't remember",
      'unsure',
    ],
  },
  {
    name: 'HistoryIntent',
    samples: [
      'history',
      'my history',
      'show my history',
      'what have I done',
      'how have I been doing',
      'what did I do last time',
      'how many sessions have I done',
      'tell me my history',
      "what's my streak",
    ],
  },
];

/** Amazon's built-ins we handle; a few take extra samples for how people talk during a routine. */
export const BUILT_IN_INTENTS: IntentDef[] = [
  { name: 'AMAZON.NextIntent', samples: ['next step', 'done', "I'm done", "I'm ready", 'ready', 'go on'] },
  { name: 'AMAZON.PreviousIntent', samples: ['back', 'previous step', 'last step', 'go back a step'] },
  { name: 'AMAZON.RepeatIntent', samples: ['say it again', 'what was that', 'again', 'repeat the step'] },
  { name: 'AMAZON.PauseIntent', samples: ['hold on', 'wait', 'give me a minute'] },
  { name: 'AMAZON.ResumeIntent', samples: ['carry on', 'pick up where I left off', 'resume my routine'] },
  { name: 'AMAZON.StartOverIntent', samples: ['start the routine again', 'from the beginning'] },
  { name: 'AMAZON.YesIntent', samples: ['yeah', 'yep', 'okay', 'sounds good', "let's do it", 'go ahead'] },
  { name: 'AMAZON.NoIntent', samples: ['nope', 'not now', 'no thank you', "no I'm fine"] },
  { name: 'AMAZON.HelpIntent', samples: ['what can I say', 'how does this work'] },
  { name: 'AMAZON.StopIntent', samples: [] },
  { name: 'AMAZON.CancelIntent', samples: [] },
  { name: 'AMAZON.FallbackIntent', samples: [] },
  { name: 'AMAZON.NavigateHomeIntent', samples: [] },
];

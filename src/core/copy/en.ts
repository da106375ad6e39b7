import { emergencyContact, type EmergencyContact } from '../emergency.js';
import type { SignId } from '../screening.js';
import type { SafetyMeant } from '../session.js';

/**
 * The words the coach says, in English, in the coach's voice (../shared/design/conversation.md): short
 * sentences, one idea each, second person, contractions.
 * Locale differences (emergency numbers, NHS services) are chosen by locale; see copyFor().
 */
export function englishCopy(locale: string, timeZone?: string) {
  const contact = emergencyContact(locale, timeZone);
  const gb = contact.region === 'GB';
  const emergencyCall = callNow(contact);

  return {
    locale,
    name: 'Back Break',

    // Greeting
    disclaimer: `I give exercise guidance only. I can't diagnose or treat you, and I'm no substitute for a professional. If you're unsure, ask a doctor first. In an emergency, ${inAnEmergency(contact)}`,
    shortDisclaimer: 'Remember: stop if anything feels wrong.',
    // The first greeting, under 10 s by voice; the disclaimer comes with the first answer after it.
    firstHello: 'Welcome to Back Break, for your lower back.',
    whatICanDo: 'Say a routine name, or how long you have.',
    welcomeBack: 'Welcome back to Back Break.',
    /** A hello while the coach is already asking which routine: no second welcome. */
    hiAgain: 'Hi again.',
    whichRoutine: 'Which routine would you like?',
    resumeOffer: (title: string, index: number, total: number, side?: string) =>
      `You stopped ${title} at step ${index} of ${total}${side ? `, ${side} side` : ''}. Shall we pick up where you left off?`,
    recovered: "I couldn't pick up our last conversation, so let's start fresh.",
    settledQuestion: 'Did your back settle within a day after your last routine?',
    settledYes: "Good. Let's keep going.",
    settledNo:
      "Thanks for telling me. Today let's go shorter and gentler, and leave out what flared it. If it keeps flaring, see a doctor or physiotherapist.",

    // Choosing
    list: (items: string[]) => `I have ${items.length} routines. ${items.join('. ')}.`,
    listItem: (title: string, minutes: number) => `${title}, about ${minutes} minutes`,
    whichOf: (titles: string[]) => `That could be ${titles.slice(0, -1).join(', ')} or ${titles.at(-1)}.`,
    unknownRoutine: (heard: string) => `I don't know a routine called ${heard}.`,
    recommendation: (title: string, minutes: number) => `I suggest ${title}. It takes about ${minutes} minutes.`,
    nothingFits: "I don't have a routine that fits that. Here is what I have.",
    notYet: (title: string) =>
      `${title} is for later, once gentle stretches feel easy. Have you done gentle back stretches before, and felt fine afterwards?`,
    notYetNo: (gentle: string) => `Then let's start with something gentler. ${gentle} is a good first routine.`,
    startIt: 'Shall we start?',
    notForYou: "So that routine isn't one for you now. Let's pick something else.",
    recommendInstead: (title: string) => `${title} would suit you. Say its name to start it, or choose another.`,
    blockedToday: (tier: 'A' | 'B') =>
      tier === 'A'
        ? `Earlier you told me about a warning sign. Please don't exercise today. ${emergencyCall}`
        : "Earlier you told me something that needs a doctor first. Please no exercise today. If a doctor has checked it and said exercise is fine, say: a doctor has checked it.",

    // Screening
    screeningIntro: 'First, a quick safety check. Answer yes, no or not sure.',
    screeningFullIntro: 'First, a few safety questions, four if all is well. Answer yes, no or not sure.',
    oneAtATime: "Let's take those one at a time.",
    /** A combined question: the signs it still covers for this person, in one breath. */
    combinedQuestion: (group: 'aAny' | 'bBody' | 'bPattern' | 'cAny', phrases: string[]) => {
      const list = phrases.length > 1 ? `${phrases.slice(0, -1).join(', ')}, or ${phrases.at(-1)}` : (phrases[0] ?? '');
      switch (group) {
        case 'aAny':
          return `Do you have any of these: ${list}?`;
        case 'bBody':
          return `Any of these: ${list}?`;
        case 'bPattern':
          return `Is your pain ${list}?`;
        case 'cAny':
          return `Last ones. Any of these: ${list}?`;
      }
    },
    /** Each sign: its single question, and the phrase a combined question uses for it. */
    signs: {
      aSaddle: { ask: 'Any new numbness or tingling around your genitals, buttocks or inner thighs?', phrase: 'numbness around your seat' },
      aBladder: { ask: 'Any new trouble passing urine, loss of bladder or bowel control, or new sexual problems?', phrase: 'new bladder, bowel or sexual problems' },
      aBothLegs: { ask: 'Any pain, tingling, numbness or weakness in both legs?', phrase: 'symptoms in both legs' },
      aWeaker: { ask: 'Are your legs getting weaker, or is walking getting harder?', phrase: 'legs getting weaker' },
      aChest: { ask: 'Do you have chest pain, or sudden breathlessness, right now?', phrase: 'chest pain or breathlessness' },
      aTrauma: { ask: 'Did the pain start after a serious accident or fall?', phrase: 'pain since a serious fall' },
      bFever: { ask: 'Do you have a fever, or feel hot and shivery?', phrase: 'a fever or chills' },
      bWeightLoss: { ask: 'Have you lost weight without trying?', phrase: 'weight loss without trying' },
      bCancer: { ask: 'Have you ever had cancer?', phrase: 'ever having had cancer' },
      bSteroids: { ask: 'Do you take steroid tablets long term, or have a weakened immune system?', phrase: 'long-term steroids or weak immunity' },
      bAge: { ask: 'Is this back pain new, and are you over 50 or under 20?', phrase: 'new back pain and over 50 or under 20' },
      bNight: { ask: 'Is the pain worse at night, or not eased by rest?', phrase: 'worse at night or at rest' },
      bCough: { ask: 'Do coughing, sneezing or going to the toilet make the pain much worse?', phrase: 'much worse when you cough, sneeze or use the toilet' },
      bHigh: { ask: 'Is the pain mainly high up, between your shoulder blades?', phrase: 'mainly between your shoulder blades' },
      bLump: { ask: 'Is there a new lump or swelling on your back, or a change in its shape?', phrase: 'with a new lump on your back' },
      cPregnant: { ask: 'Are you pregnant, or did you give birth in the last few months?', phrase: 'pregnancy or a recent birth' },
      cSurgery: { ask: 'Have you had back, hip or belly surgery in the last six months?', phrase: 'surgery in the last six months' },
      cOsteoporosis: { ask: 'Do you have osteoporosis, or have you broken a bone in a minor fall?', phrase: 'osteoporosis or fragile bones' },
      cDizzy: { ask: 'Do you get dizzy when you tilt your head back or lie flat?', phrase: 'dizziness when you lie flat or look up' },
      cNeck: { ask: 'Do you have a neck condition, or were you told to avoid neck movements?', phrase: 'a neck condition' },
      cSurgeryBack: { ask: 'Was it back surgery?', phrase: 'back surgery' },
      cSurgeryHip: { ask: 'Was it hip surgery?', phrase: 'hip surgery' },
      cSurgeryBelly: { ask: 'Was it belly surgery? A caesarean counts.', phrase: 'belly surgery' },
    } satisfies Record<SignId, { ask: string; phrase: string }>,
    answerYesNo: 'Please answer yes, no or not sure.',
    /** A tier C sign said in the person's own words: noted, and the routine adapts. */
    volunteered: (phrase: string) => `Thanks for telling me about ${phrase}. I've noted it, and I'll leave out or soften the moves it rules out.`,
    emergency: `Please stop. Don't exercise. These can be signs of a serious problem that needs checking urgently. ${emergencyCall}`,
    urgent: gb
      ? "Please don't exercise today. Call NHS 111, or get an urgent GP appointment today, to get this checked."
      : "Please don't exercise today. Get an urgent appointment with a doctor today to get this checked.",
    screeningDone: 'Thank you. That all sounds fine for today.',
    urgentHelp: gb
      ? `call NHS 111, or see your GP. If you also have numbness around your seat, bladder trouble or weak legs, ${emergencyCall.replace(/^Call/, 'call')}`
      : `see a doctor. If you also have numbness around your seat, bladder trouble or weak legs, ${emergencyCall.replace(/^Call/, 'call')}`,
    /** What emergency or urgent advice follows: an answer, or words said during a routine. */
    because: (phrase: string, unsure: boolean) => (unsure ? `You weren't sure about ${phrase}, so to be safe:` : `You told me about ${phrase}.`),
    neuroPhrase: 'dizziness with slurred speech, double vision, trouble swallowing or weakness on one side',
    clearanceOffer: 'If a doctor has already checked this and said exercise is fine, tell me: a doctor has checked it.',
    clearedButton: 'A doctor has checked it',
    cleared: "Thank you. I've noted that a doctor has checked it, with today's date.",
    nothingToClear: "Thanks. There's nothing waiting on a doctor's check.",

    // Tier C: one sentence each on what changes and why
    reasons: {
      rollerBones: 'With fragile bones, I leave out lying on the foam roller.',
      lyingFlatPregnant: "In pregnancy, long spells flat on your back aren't advised. Lie on your side, or prop yourself up on a pillow.",
      headHangNeck: 'With a neck condition, I leave out the head hang and head rolls.',
      headHangDizzy: 'Because tilting your head back can make you dizzy, I leave out the head hang.',
      tractionBones: 'With fragile bones, sacral traction is not for you.',
      tractionPregnant: 'In pregnancy, I leave out sacral traction.',
      surgery: 'After recent surgery, I leave this out. Check with your surgeon first.',
      surgeryBack: 'After your recent back surgery, I leave this out. Check with your surgeon first.',
      surgeryHip: 'After your recent hip surgery, I leave this out. Check with your surgeon first.',
      surgeryBelly: 'After your recent belly surgery, I leave this out. Check with your surgeon first.',
      rollerSurgery: 'After recent surgery, lying on the roller waits until your surgeon says it is fine, so I leave it out.',
      rollerSurgeryBack: 'After back surgery, lying on the roller waits until your surgeon says it is fine, so I leave it out.',
      bendBones: 'With fragile bones, I leave out the bend-forward test.',
      twistBones: 'With fragile bones, twist slowly and stop well before your end range.',
      twistSurgery: 'After recent surgery, keep twists small and slow.',
      twistSurgeryBack: 'After your recent back surgery, keep twists small and slow.',
      twistSurgeryHip: 'After your recent hip surgery, keep twists small and slow.',
      twistSurgeryBelly: 'After your recent belly surgery, keep twists small and slow.',
      thumpsBones: 'With fragile bones, I leave out the sacral thumps.',
      hipSurgery: 'After hip surgery, check with your surgeon before deep hip stretches, so I leave them out.',
      hipSurgeryMaybe: 'After recent surgery, check with your surgeon before deep hip stretches, so I leave them out.',
      legLoweringPregnant: 'In pregnancy, I leave out the leg lowering.',
      curlUpBones: 'With fragile bones, I leave out curl-ups and head lifts.',
      foldBones: 'With fragile bones, hinge at the hips and keep your back long. Do not round it.',
      proneBendPregnant: 'In pregnancy, I leave out poses lying face down.',
      bridgePregnant: 'In pregnancy, keep bridges short, and rest on your side between them.',
      flared: 'I leave out a move that flared your back last time.',
      leftToday: "I leave out what bothered you earlier today.",
      dizzyToday: 'Because you felt dizzy, I leave this one out today.',
    } as Record<string, string>,
    tagCautions: {
      legTravel: 'If pain, tingling or numbness travels down your leg, stop and tell me.',
      legLowering: 'Stop if your back pain increases. Never lower so far that your low back lifts.',
      headHangWoozy: 'Feeling woozy or dizzy? Ease yourself back onto the roller, and leave this move out.',
      tractionHurts: 'If this hurts, stop and skip it.',
      proneCheck: 'With spinal stenosis, a slipped vertebra or a fusion, check with your clinician before back bends.',
      hipReplacement: 'After a hip replacement, check with your surgeon before this one.',
    } as Record<string, string>,

    // Equipment and pain
    equipmentNeeded: (items: string[]) => `You'll need ${items.join(', and ')}. Have you got ${items.length > 1 ? 'them' : 'it'}?`,
    withSubstitutes: (name: string, subs: string[]) => (subs.length ? `${name}; ${subs.join(' or ')} works too` : name),
    noEquipment: (title: string) => `No problem. ${title} needs no equipment. Shall we do that instead?`,
    noEquipmentNothing: "No problem. Let's pick another routine.",
    /** Said during a routine: "I don't have a strap". */
    equipmentSubstitute: (name: string, substitutes: readonly string[]) =>
      `No ${bareName(name)}? ${capitalise(orList(substitutes))} will do just as well.`,
    equipmentLeftOut: (name: string, any: boolean) =>
      any ? `No ${bareName(name)}, so I'll leave out the moves that need one.` : `No ${bareName(name)}? That's fine, the moves left don't need one.`,
    equipmentNotUsed: "That's fine, this routine doesn't need it.",
    equipmentNoneLeft: "Every move left in this routine needs one, so let's pick another.",
    painBefore: 'How is your back right now, from 0 to 10? Or say skip.',
    painAfter: 'How is your back now, from 0 to 10? Or say skip.',
    painOutOfRange: 'Please give a number from 0 to 10, or say skip.',
    checkIn: 'How was that? Rate your back from 0 to 10, or say next.',
    painRose: "I'm sorry. That's more than I'd like. We'll leave that move out for today. Say next to go on, or stop to finish here.",
    /** Pain before starting (safety.md section 4). */
    painTen: (urgentHelp: string) =>
      `I'm sorry it's that bad. At 10 out of 10, please don't exercise now. Rest in whatever position eases it, and get help today: ${urgentHelp}`,
    painVeryHighGentlest: (score: number, title: string) =>
      `At ${score} out of 10, let's keep to the gentlest routine today: ${title}. If your pain stays this high, see a doctor or physiotherapist.`,
    painVeryHighSame: (score: number) => `At ${score} out of 10, we'll keep it very gentle. If your pain stays this high, see a doctor or physiotherapist.`,
    painVeryHighNothing: (score: number) => `At ${score} out of 10, I'd rather you rested today than exercised. If your pain stays this high, see a doctor or physiotherapist.`,
    /** After a routine that flared: care, and no reminder offer in the same breath. */
    afterFlare: "Go easy for the rest of today. If it hasn't settled by tomorrow, or anything new appears, see a doctor or physiotherapist.",
    painOk: 'Good. On we go.',

    // Steps
    starting: (title: string, count: number) => `Let's begin ${title}. ${count} steps.`,
    startPosition: (text: string) => `To start: ${text}`,
    stepIntro: (index: number, total: number, name: string, side?: string, round?: number, rounds?: number) =>
      `Step ${index} of ${total}: ${name}${side ? `, ${side} side` : ''}${rounds && rounds > 1 ? `, round ${round} of ${rounds}` : ''}.`,
    optional: 'This one is optional. Say skip to leave it out.',
    hold: (text: string) => `Hold for ${text}.`,
    holdText: (count: number, unit: 'breaths' | 'seconds' | 'reps') =>
      unit === 'reps'
        ? count === 1
          ? 'once'
          : count === 2
            ? 'twice'
            : `${count} times`
        : unit === 'breaths'
          ? `${count} ${count === 1 ? 'breath' : 'breaths'}`
          : count > 60
            ? minutesText(count)
            : `${count} ${count === 1 ? 'second' : 'seconds'}`,
    doIt: (text: string) => `Do it ${text}.`,
    halfway: 'Halfway.',
    release: 'And release.',
    switchSides: (side: string) => `Now the ${side} side.`,
    whenReady: (channel: Channel) => ({ voice: "Say next when you're ready.", text: "Tap Next when you're ready.", typed: "Type next when you're ready." })[channel],
    easierVersion: 'Here is an easier version.',
    noEasier: "This one has no easier version. Move less far, go slower, or skip it.",
    firstStep: 'This is the first step.',
    paused: (channel: Channel) =>
      ({
        voice: "Paused. When you're ready, open Back Break and say resume.",
        text: 'Paused. Tap Resume when you are ready.',
        typed: "Paused. Type resume when you're ready.",
      })[channel],
    nothingToResume: "There's nothing to resume.",
    resuming: 'Picking up where you left off.',
    startingOver: 'Starting over from the first step.',
    progress: (index: number, total: number, side?: string) =>
      `You're on step ${index} of ${total}${side ? `, ${side} side` : ''}. ${total - index} to go after this one.`,
    skipped: 'Skipped.',

    // This hurts, dizzy
    hurtKind:
      'Sorry it hurts. What kind? Sharp, spreading down a leg, numb, or a mild stretch? Or numbness around your seat, trouble with your bladder, both legs, chest pain, or feeling faint?',
    hurtKindShort: 'Sharp, spreading, numb, mild, or something more worrying, like numbness around your seat or chest pain?',
    hurtSharp:
      "I'm sorry. Stop this exercise now. Rest in a comfortable position. If pain or tingling spreads into both legs, or your seat feels numb, tell me straight away. We can skip this one, and go on only once the pain has settled.",
    hurtSharpEasier: 'You can also try an easier version.',
    hurtSharpDone:
      "I'm sorry. Rest in a comfortable position; I'll leave that move out for today. If pain or tingling spreads into both legs, or your seat feels numb, tell me straight away. Say next when the pain has settled, or stop to finish.",
    hurtMildDone: 'A mild stretch is fine. Say next to go on, or stop to finish.',
    hurtMild: 'A mild stretch is fine. Would you like the easier version, skip it, or go on?',
    hurtMildNoEasier: 'A mild stretch is fine. Would you like to skip it, or go on?',
    faintStop: `Stop now, and sit or lie down somewhere safe. If the faint feeling hasn't passed within a few minutes, or comes with chest pain or breathlessness, ${emergencyCall.replace(/^Call/, 'call')}`,
    pregnancyStop: 'Stop now. Contact your maternity team or midwife straight away.',
    dizzyStop:
      "Stop. Come back slowly to a safe position. If you're on the roller, slide back onto it, then sit up slowly. I'll leave this move out for today.",
    dizzyNeuro: 'Do you also have slurred speech, double vision, trouble swallowing, or weakness on one side?',
    dizzyOk: 'Rest as long as you need. Say next when you feel steady, or stop to finish.',

    // Safety words where no routine is under way, and a question when the words only leaned towards them
    hurtAside: "Sorry your back hurts. We'll keep things gentle: stop any move that makes it sharp or sends pain down a leg.",
    hurtAsideSharp:
      "Sorry. With a sharp pain, pain spreading down a leg or new numbness, don't push through it: rest, or choose something gentle and stop if it comes back. If it's new or getting worse, see a doctor or physiotherapist.",
    dizzyAside: `Sit or lie down and rest until it passes. If it comes with slurred speech, double vision, trouble swallowing or weakness on one side, ${emergencyCall.replace(/^Call/, 'call')}`,
    clarify: (meant: SafetyMeant): string => `Did you mean ${meantText(meant)}?`,
    clarifyNo: 'Alright.',
    goOn: 'Go on',

    // Finish
    finished: (title: string) => `Well done. That's the end of ${title}.`,
    summary: (minutes: number, done: number, skipped: number) =>
      `You spent ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, did ${done} ${done === 1 ? 'step' : 'steps'}${skipped ? ` and skipped ${skipped}` : ''}.`,
    painChange: (before: number, after: number, meaningful: boolean) =>
      `Your back went from ${before} to ${after}.${meaningful ? (after < before ? ' That is a real improvement.' : ' That is a real rise.') : ' About the same.'}`,
    light: {
      green: '',
      amber: "If it settles within a day, that's fine.",
      red: 'That is high. Ease off next time, and see a doctor or physiotherapist if it does not settle.',
    },
    streak: (days: number) => (days > 1 ? `That's ${days} days in a row.` : ''),
    noProgress: "You've been at this for two weeks without much change. It's worth seeing a doctor or physiotherapist.",
    reminderOffer: 'Would you like a daily reminder for a back break?',
    /** Where nothing can remind (the terminal): where reminders do come from, instead of offering one. */
    remindersElsewhere: 'For a daily reminder, ask Back Break on Slack or Alexa.',
    reminderWhen: 'What time? For example, say three p m.',
    reminderSet: (days: string, time: string) => `Done. I'll remind you ${days} at ${time}.`,
    reminderOff: 'Reminders are off.',
    reminderBadTime: "I didn't catch the time. Say a time like three p m.",
    bye: 'Take care of your back. Bye for now.',
    stopped: (index: number, total: number) => `Stopped at step ${index} of ${total}. Next time, you can pick up where you left off.`,

    // History, forget, help, unknown
    historyNone: "You haven't finished a routine yet.",
    historyLine: (title: string, when: string, before?: number, after?: number) =>
      `${title}, ${when}${before !== undefined && after !== undefined ? `, pain ${before} to ${after}` : ''}`,
    history: (lines: string[]) => `Your recent routines: ${lines.join('. ')}.`,
    forgetConfirm: 'This erases everything I know about you: answers, history and reminders. Are you sure?',
    forgotten: 'Done. I have erased everything I knew about you.',
    notForgotten: 'Okay, I kept everything.',
    help: {
      idle: 'Say a routine name, how many minutes you have, or recommend one. Say list routines to hear them.',
      screening: 'I ask safety questions before we exercise. Answer yes, no or not sure.',
      step: 'During a routine, say next, back, repeat, skip, easier, pause, or stop. Say this hurts if anything hurts.',
      question: 'Please answer the question, or say stop.',
      pain: 'Say a number from 0 for no pain to 10 for the worst pain, or say skip.',
    },
    didntCatch: "Sorry, I didn't catch that.",
    welcome: "You're welcome.",
    busy: 'Another device is using Back Break for you right now. Please say that again in a moment.',
  };
}

/** What a clarifying question asks about, after "Did you mean". */
function meantText(meant: SafetyMeant): string {
  if (meant.type === 'dizzy') return 'you feel dizzy';
  switch (meant.kind) {
    case undefined:
      return 'that something hurts';
    case 'sharp':
      return 'a sharp or shooting pain';
    case 'spreading':
      return 'pain or tingling spreading down your leg';
    case 'numbness':
      return 'that something has gone numb';
    case 'mild':
      return 'a mild stretch, a little discomfort';
    case 'saddle':
      return 'numbness around your seat or groin';
    case 'bladder':
      return 'a new problem with your bladder or bowels';
    case 'bothLegs':
      return 'pain, tingling, numbness or weakness in both legs';
    case 'weakLegs':
      return 'that your legs are getting weaker, or walking is getting harder';
    case 'trauma':
      return 'that you had a fall or an accident';
    case 'chest':
      return 'chest pain';
    case 'breathless':
      return "that you can't catch your breath";
    case 'neuro':
      return 'slurred speech, double vision, trouble swallowing, or weakness on one side';
    case 'faint':
      return 'that you feel faint';
    case 'pregnancy':
      return 'a pregnancy warning sign, like bleeding or contractions';
  }
}

/** A hold over a minute, said in minutes: "5 minutes", "a minute and a half", "about 4 minutes". */
function minutesText(seconds: number): string {
  const halves = Math.round(seconds / 30);
  const about = halves * 30 === seconds ? '' : 'about ';
  const whole = Math.floor(halves / 2);
  if (halves % 2 === 0) return `${about}${whole} ${whole === 1 ? 'minute' : 'minutes'}`;
  return whole === 1 ? `${about}a minute and a half` : `${about}${whole} and a half minutes`;
}

/** How the person answers: by voice, by tapping buttons (or typing), or by typing alone (the terminal: nothing to tap). */
/** "a foam roller" -> "foam roller". */
function bareName(name: string): string {
  return name.replace(/^(a|an|some) /i, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a belt", "a belt or a towel", "a rug, a mat or a towel". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export type Channel = 'voice' | 'text' | 'typed';
export type Copy = ReturnType<typeof englishCopy>;

/** "Call 999 now, or go to A and E." The number comes from the person's region; none is made up. */
function callNow(c: EmergencyContact): string {
  if (!c.number) return 'Call your local emergency number now, or 112 from a mobile phone.';
  if (c.region === 'GB') return `Call ${c.number} now, or go to A and E.`;
  if (c.alternative) return c.alternativeFromMobile ? `Call ${c.number} now, or ${c.alternative} from a mobile.` : `Call ${c.number} or ${c.alternative} now.`;
  return `Call ${c.number} now.`;
}

/** The disclaimer's last words: "call 999", or the local number where the region is not known. */
function inAnEmergency(c: EmergencyContact): string {
  return c.number ? `call ${c.number}.` : 'call your local emergency number.';
}

/**
 * The words for a person: English for every locale for now (the emergency number still follows their region,
 * from the locale or else the time zone).
 */
export function copyFor(locale: string, timeZone?: string): Copy {
  const key = `${locale}\u0000${timeZone ?? ''}`;
  let copy = made.get(key);
  if (!copy) {
    if (made.size >= MADE_MAX) made.clear();
    copy = Object.freeze(englishCopy(locale, timeZone));
    made.set(key, copy);
  }
  return copy;
}

/**
 * The words depend on the locale and zone alone, so each pair's copy is made once, not on every turn (it is a
 * few hundred closures). Bounded: locales are few, but zones come from the platforms.
 */
const made = new Map<string, Copy>();
const MADE_MAX = 2000;

/**
 * The few words the Alexa adapter says itself: Alexa-only moments (the reminder permission, a hold cut short
 * by the response limits, a failure on our side). Everything else the coach says comes from the core.
 */
export interface AlexaCopy {
  /** Closes a hold longer than one response may play. */
  holdCut: string;
  error: string;
  errorReprompt: string;
  reminderText: string;
  reminderFailed: string;
  reminderDenied: string;
  reminderOffFailed: string;
  /** The permission came back but the reminder it was for is gone (the session was lost). */
  reminderAskAgain: string;
  cardTitle: string;
  stepLine: (index: number, total: number) => string;
  sideLine: (side: string) => string;
  /** "Link my account": the code, its digits said one by one (SSML), and what to do with it. */
  linkSpeech: (digits: string, minutes: number) => string;
  linkCard: (shown: string, minutes: number) => string;
  linkFailed: string;
}

const en: AlexaCopy = {
  holdCut: "Stay here as long as feels good. Say next when you're ready.",
  error: "Sorry, something went wrong on my side. Please say that again.",
  errorReprompt: 'Please say that again, or say stop.',
  reminderText: "Time for your back break. Say: Alexa, open back break.",
  reminderFailed: "Sorry, I couldn't set the reminder just now. Please try again later.",
  reminderDenied:
    "OK, no reminder. If you change your mind, allow reminders for Back Break in the Alexa app. I've sent a card there.",
  reminderOffFailed: "Sorry, I couldn't remove your reminder just now. You can delete it in the Alexa app.",
  reminderAskAgain: 'Thanks. Please tell me again when you would like your reminder, for example: remind me on weekdays at nine.',
  cardTitle: 'Back Break',
  stepLine: (index, total) => `Step ${index} of ${total}`,
  sideLine: (side) => `${side[0]!.toUpperCase()}${side.slice(1)} side`,
  linkSpeech: (digits, minutes) => {
    const said = `<say-as interpret-as="digits">${digits.slice(0, 3)}</say-as><break time="400ms"/><say-as interpret-as="digits">${digits.slice(3)}</say-as>`;
    return (
      `Here's your link code: ${said}. Once more: ${said}. ` +
      `Enter it on the Back Break web page, under History, or in Slack after slash back break link, within ${minutes} minutes. ` +
      `Then your history and safety answers are the same everywhere. I've also sent the code to the Alexa app.`
    );
  },
  linkCard: (shown, minutes) =>
    `Your link code: ${shown}\nEnter it within ${minutes} minutes on the Back Break web page (History) or in Slack: /backbreak link ${shown}. It works once.`,
  linkFailed: "Sorry, I couldn't make a link code just now. Please try again in a moment.",
};

/** One English copy serves en-US and en-GB: nothing here differs between them. */
export function alexaCopy(_locale: string | undefined): AlexaCopy {
  return en;
}

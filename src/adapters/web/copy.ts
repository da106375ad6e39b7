/** What the web adapter itself says (the coach's words come from the core's copy). */
export const webCopy = {
  'en-US': {
    /** The page cannot wake a person up later: reminders live on Alexa and in Slack. */
    noReminders: 'This page cannot send reminders. Link Alexa or Slack on the History page to be reminded there.',
  },
};

export function webCopyFor(_locale: string | undefined) {
  return webCopy['en-US'];
}

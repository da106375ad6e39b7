/**
 * Block Kit limits (docs.slack.dev, Block Kit reference) and the helpers that keep every text inside them.
 * Pure.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeTab: 100,
  sectionText: 3000,
  contextText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** chat.postMessage `text`: Slack truncates past 40,000; notifications show far less. */
  messageText: 3000,
} as const;

/** Cuts `text` to at most `max` characters (code points kept whole), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** Escapes the three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text made safe for a mrkdwn field and clipped; clipping happens after escaping so the limit holds. */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): string {
  return clip(escapeMrkdwn(text), max);
}

import type { Reply } from '../../core/reply.js';
import type { AlexaCopy } from './copy.js';

/**
 * The Echo Show screen: routine title, step name, side, "step i of n" and a countdown of the hold.
 * The countdown ticks on the device (handleTick), starting once the instructions have been spoken.
 * The reply's choices are buttons; a touch comes back as a UserEvent carrying the choice's intent and
 * the turn the screen was drawn for, so a stale touch changes nothing.
 */

export const APL_TOKEN = 'back-break-step';
/** First argument of the UserEvent a button sends. */
export const CHOICE_EVENT = 'choice';

export interface ScreenChoice {
  label: string;
  style: 'primary' | 'danger' | 'plain';
  /** The core intent, as JSON (APL passes it back untouched). */
  intent: string;
}

export interface ScreenData {
  title: string;
  heading: string;
  body: string;
  progress: string;
  side: string;
  holdText: string;
  /** Seconds the countdown shows; 0 hides it. */
  holdSeconds: number;
  /** Seconds before the countdown starts (while the instructions are spoken). */
  startDelay: number;
  choices: ScreenChoice[];
  /** Where the conversation is (see core/reply.ts), for styling. */
  moment: Reply['moment'];
  /** The session turn this screen shows; -1 when unknown (touches then are never stale). */
  turn: number;
}

export function screenData(
  reply: Reply,
  copy: AlexaCopy,
  hold: { seconds: number; startDelay: number },
  turn: number | undefined,
): ScreenData {
  const d = reply.display;
  return {
    moment: reply.moment,
    turn: turn ?? -1,
    choices: reply.choices.map((c) => ({ label: c.label, style: c.style ?? 'plain', intent: JSON.stringify(c.intent) })),
    title: d.title,
    heading: d.heading ?? '',
    body: d.body,
    progress: d.position ? copy.stepLine(d.position.index, d.position.total) : '',
    side: d.side ? copy.sideLine(d.side) : '',
    holdText: d.holdText ?? '',
    holdSeconds: Math.max(0, Math.round(hold.seconds)),
    startDelay: Math.max(0, Math.round(hold.startDelay)),
  };
}

const text = (value: string, style: Record<string, unknown>) => ({ type: 'Text', text: value, ...style });

/** The APL document: one screen, bound to `payload.screen`. */
export const stepDocument = {
  type: 'APL',
  version: '2023.2',
  theme: 'dark',
  import: [{ name: 'alexa-layouts', version: '1.7.0' }],
  mainTemplate: {
    parameters: ['payload'],
    items: [
      {
        type: 'Container',
        width: '100vw',
        height: '100vh',
        paddingLeft: '@marginHorizontal',
        paddingRight: '@marginHorizontal',
        paddingTop: '@spacingLarge',
        bind: [
          { name: 'screen', value: '${payload.screen}' },
          { name: 'wait', type: 'number', value: '${payload.screen.startDelay}' },
          { name: 'left', type: 'number', value: '${payload.screen.holdSeconds}' },
        ],
        handleTick: [
          {
            minimumDelay: 1000,
            when: '${wait > 0}',
            commands: [{ type: 'SetValue', property: 'wait', value: '${wait - 1}' }],
          },
          {
            minimumDelay: 1000,
            when: '${wait <= 0 && left > 0}',
            commands: [{ type: 'SetValue', property: 'left', value: '${left - 1}' }],
          },
        ],
        items: [
          text('${screen.title}', { style: 'textStyleDisplay5', maxLines: 1 }),
          text('${screen.heading}', { style: 'textStyleDisplay3', maxLines: 2, paddingTop: '@spacingSmall' }),
          text("${screen.progress}${screen.progress != '' && screen.side != '' ? ' · ' : ''}${screen.side}", {
            style: 'textStyleBody',
            paddingTop: '@spacingXSmall',
          }),
          text('${screen.body}', { style: 'textStyleCallout', maxLines: 6, paddingTop: '@spacingMedium' }),
          text(
            "${screen.holdSeconds > 0 ? (left > 0 ? Math.floor(left / 60) + ':' + (left % 60 < 10 ? '0' : '') + left % 60 : '0:00') : screen.holdText}",
            { id: 'countdown', style: 'textStyleDisplay2', paddingTop: '@spacingMedium' },
          ),
          {
            type: 'Container',
            direction: 'row',
            wrap: 'wrap',
            paddingTop: '@spacingMedium',
            data: '${screen.choices}',
            items: [
              {
                type: 'AlexaButton',
                buttonText: '${data.label}',
                buttonStyle: "${data.style == 'primary' ? 'contained' : 'outlined'}",
                spacing: '@spacingSmall',
                primaryAction: { type: 'SendEvent', arguments: [CHOICE_EVENT, '${data.intent}', '${screen.turn}'] },
              },
            ],
          },
        ],
      },
    ],
  },
};

export function renderDocumentDirective(data: ScreenData) {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument' as const,
    token: APL_TOKEN,
    document: stepDocument,
    datasources: { payload: { screen: data } },
  };
}

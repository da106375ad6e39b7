import './quiet-aws.js';
import { expect } from 'chai';
import { VirtualAlexa } from 'virtual-alexa';
import { modelPath } from '../../../src/adapters/alexa/model/write.js';
import type { Store } from '../../../src/app/store.js';
import type { Config } from '../../../src/config.js';
import { type BackBreakServer, buildServer } from '../../../src/server.js';
import type { Observed } from '../../scripts/script.js';
import { APL_INTERFACES, FAKE_API_TOKEN, FAKE_CONSENT_TOKEN, SKILL_ID } from './envelopes.js';
import { logSink } from './log-sink.js';
import { checkSsml, ssmlText } from './ssml-check.js';
import { type Alexa, speak } from './voice.js';

/** The real server (buildServer) on 127.0.0.1:0, with Alexa devices talking to it over HTTP. */

export interface Running {
  server: BackBreakServer;
  url: string;
  logLines: string[];
  close(): Promise<void>;
}

export function testConfig(alexa: Config['alexa']): Config {
  return { port: 0, host: '127.0.0.1', databaseUrl: 'memory:', logLevel: 'debug', alexa };
}

export async function startServer(alexa: Config['alexa'], options: { store?: Store; now?: () => Date } = {}): Promise<Running> {
  const { log, lines } = logSink();
  const server = await buildServer(testConfig(alexa), { log, ...options });
  const port = await server.listen();
  return { server, url: `http://127.0.0.1:${port}`, logLines: lines, close: () => server.close() };
}

export interface DeviceOptions {
  locale?: string;
  /** An Echo Show: the request says it supports APL. */
  apl?: boolean;
  /** The Reminders API base URL the request points at (a fake on 127.0.0.1). */
  apiEndpoint?: string;
  /** The person granted the reminders permission. */
  consent?: boolean;
}

/** A virtual Echo talking to the server's /alexa through our interaction model. */
export function device(baseUrl: string, o: DeviceOptions = {}): Alexa {
  const locale = o.locale ?? 'en-US';
  const alexa = VirtualAlexa.Builder()
    .interactionModelFile(modelPath(locale))
    .locale(locale)
    .applicationID(SKILL_ID)
    .skillURL(`${baseUrl}/alexa`)
    .create();
  alexa.filter((request: any) => {
    const system = request.context.System;
    system.device.supportedInterfaces = o.apl ? APL_INTERFACES : {};
    if (o.apiEndpoint) {
      // Real devices always send their id; virtual-alexa only when given one.
      system.device.deviceId ??= 'amzn1.ask.device.VIRTUAL';
      system.apiEndpoint = o.apiEndpoint;
      system.apiAccessToken = FAKE_API_TOKEN;
    }
    for (const user of [system.user, request.session?.user]) {
      if (!user) continue;
      if (o.consent) user.permissions = { consentToken: FAKE_CONSENT_TOKEN };
      else delete user.permissions;
    }
  });
  return alexa;
}

export function personOf(alexa: Alexa): string {
  return `alexa:${(alexa as any).context().user().id()}`;
}

/** Every SSML document the server sent, for checking them all at the end. */
export const sentSsml: string[] = [];

/** What a person hears and sees of one response, with every SSML document checked. */
export function observe(response: any): Observed & { ssml?: string; screen?: any } {
  const r = response.response ?? {};
  const documents = [r.outputSpeech?.ssml, r.reprompt?.outputSpeech?.ssml].filter((s): s is string => typeof s === 'string');
  for (const ssml of documents) {
    sentSsml.push(ssml);
    expect(checkSsml(ssml).problems, ssml.slice(0, 400)).to.deep.equal([]);
  }
  const screen = r.directives?.find((d: any) => d.type === 'Alexa.Presentation.APL.RenderDocument')?.datasources?.payload?.screen;
  return {
    ssml: r.outputSpeech?.ssml,
    speech: ssmlText(r.outputSpeech?.ssml ?? ''),
    // Choices and the moment are visible on a screen only.
    choices: screen ? screen.choices.map((c: { label: string }) => c.label) : [],
    moment: screen?.moment,
    end: r.shouldEndSession === true,
    screen,
  };
}

export async function say(alexa: Alexa, text: string) {
  return observe(await speak(alexa, text));
}

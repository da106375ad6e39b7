import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alexaRouter, checkTimestamp, Refusal } from '../../../src/adapters/alexa/http.js';
import { readConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { envelope, launchRequest, SKILL_ID } from './envelopes.js';
import { type Running, startServer } from './harness.js';

/** POST /alexa on the real server: Amazon's request checks, bad bodies, other skills. */

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('alexa over HTTP', () => {
  let running: Running;
  afterEach(() => running?.close());

  it('verifies unless ALEXA_VERIFY says false', () => {
    expect(readConfig({}).alexa.verify).to.equal(true);
    expect(readConfig({ ALEXA_VERIFY: 'false' }).alexa.verify).to.equal(false);
  });

  describe('with verification on (the default)', () => {
    beforeEach(async () => {
      running = await startServer({ verify: true, skillId: SKILL_ID });
    });

    it('rejects an unsigned request', async () => {
      const res = await post(running.url, JSON.stringify(launchRequest()));
      expect(res.status).to.be.oneOf([400, 401]);
      // The verifier's reason in the log, never in the answer (its words can be internal: issue 16).
      expect(await res.text()).to.equal('Request verification failed');
      expect(running.logLines.join('')).to.match(/alexa.signature_refused.*Missing Certificate/);
    });

    it('rejects a signature whose certificate is not from Amazon, without fetching it', async () => {
      const res = await post(running.url, JSON.stringify(launchRequest()), {
        SignatureCertChainUrl: 'https://certs.example.com/echo.api/echo-api-cert.pem',
        'Signature-256': 'ZmFrZQ==',
      });
      expect(res.status).to.equal(400);
      expect(await res.text()).to.equal('Request verification failed');
      expect(running.logLines.join('')).to.match(/invalid host name/);
    });

    it('answers a malformed body with 400 and keeps serving', async () => {
      for (const body of ['{"version": "1.0", "request": ', 'not json at all', '[]', '{"hello":"world"}']) {
        const res = await post(running.url, body);
        expect(res.status, body).to.equal(400);
      }
      const health = await fetch(`${running.url}/healthz`);
      expect(health.status).to.equal(200);
      const again = await post(running.url, JSON.stringify(launchRequest()));
      expect(again.status).to.equal(400);
    });

    it('rejects a request for another skill id', async () => {
      const res = await post(running.url, JSON.stringify(launchRequest({ applicationId: 'amzn1.ask.skill.another-one' })));
      expect(res.status).to.equal(403);
    });

    it('does not warn about verification', () => {
      expect(running.logLines.join('')).to.not.include('ALEXA_VERIFY is off');
    });
  });

  describe('with verification off (local testing)', () => {
    beforeEach(async () => {
      running = await startServer({ verify: false, skillId: SKILL_ID });
    });

    it('answers an unsigned request', async () => {
      const res = await post(running.url, JSON.stringify(launchRequest()));
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { version: string; response: { outputSpeech: { ssml: string } } };
      expect(body.version).to.equal('1.0');
      expect(body.response.outputSpeech.ssml).to.match(/^<speak>.*<\/speak>$/);
    });

    it('still rejects another skill and malformed bodies', async () => {
      expect((await post(running.url, JSON.stringify(launchRequest({ applicationId: 'amzn1.ask.skill.another-one' })))).status).to.equal(403);
      expect((await post(running.url, '{oops')).status).to.equal(400);
      expect((await post(running.url, JSON.stringify(launchRequest()))).status).to.equal(200);
    });

    it('answers an envelope without context.System with 400, not a 500 from inside the SDK', async () => {
      const noContext: Record<string, unknown> = { ...launchRequest() };
      delete noContext.context;
      const noSystem = { ...launchRequest(), context: {} };
      const nullSystem = { ...launchRequest(), context: { System: null } };
      for (const body of [noContext, noSystem, nullSystem]) {
        const res = await post(running.url, JSON.stringify(body));
        expect(res.status, JSON.stringify(body.context)).to.equal(400);
        expect(await res.text()).to.not.match(/Cannot read/);
      }
      expect((await post(running.url, JSON.stringify(launchRequest()))).status).to.equal(200);
    });

    it('parses the body once (the stock adapter parsed it after our check, and again to verify the timestamp)', async () => {
      const body = JSON.stringify(launchRequest());
      const parse = JSON.parse;
      let parsedBody = 0;
      JSON.parse = ((text: string, reviver?: (key: string, value: unknown) => unknown) => {
        if (text === body) parsedBody++;
        return parse(text, reviver);
      }) as typeof JSON.parse;
      try {
        expect((await post(running.url, body)).status).to.equal(200);
      } finally {
        JSON.parse = parse;
      }
      expect(parsedBody).to.equal(1);
    });

    it('answers JSON without an ETag, and refuses a body over 100 KB with 413, then keeps serving', async () => {
      const ok = await post(running.url, JSON.stringify(launchRequest()));
      expect(ok.headers.get('content-type')).to.equal('application/json; charset=utf-8');
      expect(ok.headers.get('etag')).to.equal(null);
      const huge = JSON.stringify({ ...launchRequest(), padding: 'x'.repeat(200 * 1024) });
      const res = await post(running.url, huge);
      expect(res.status).to.equal(413);
      expect((await post(running.url, JSON.stringify(launchRequest()))).status).to.equal(200);
    });

    it('warns once that verification is off', () => {
      expect(running.logLines.filter((l) => l.includes('ALEXA_VERIFY is off'))).to.have.length(1);
    });
  });

  it('refuses to work behind a global body parser, as the stock adapter does', async () => {
    const app = express();
    app.use(express.json());
    const coach = { handle: async () => { throw new Error('not reached'); }, setSurfaceData: async () => {}, getProfile: async () => undefined, history: async () => [] };
    app.use('/alexa', alexaRouter({ coach, log: createLogger('silent'), verify: false }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await post(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, JSON.stringify(launchRequest()));
      expect(res.status).to.equal(500);
      expect(await res.text()).to.match(/Do not register any parsers/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('alexa request timestamps (checked on the envelope parsed once)', () => {
  const now = Date.parse('2025-03-12T09:00:00.000Z');
  const at = (ms: number, type = 'LaunchRequest') => envelope({ type, timestamp: new Date(now + ms).toISOString() });
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (err) {
      return err instanceof Refusal ? `${err.status} ${err.message}` : String(err);
    }
    return 'accepted';
  };

  it('accepts a request up to 150 seconds old, and one from a clock slightly ahead', () => {
    expect(refusal(() => checkTimestamp(at(-150_000), now))).to.equal('accepted');
    expect(refusal(() => checkTimestamp(at(30_000), now))).to.equal('accepted');
  });

  it('refuses an older request, or one without a timestamp, with 400', () => {
    expect(refusal(() => checkTimestamp(at(-151_000), now))).to.equal('400 Request verification failed: Timestamp verification failed');
    const none = envelope({ type: 'LaunchRequest' });
    delete (none.request as { timestamp?: string }).timestamp;
    expect(refusal(() => checkTimestamp(none, now))).to.match(/^400 .*Timestamp is not present/);
  });

  it('gives skill events an hour, as Amazon does', () => {
    expect(refusal(() => checkTimestamp(at(-3_000_000, 'AlexaSkillEvent.SkillDisabled'), now))).to.equal('accepted');
    expect(refusal(() => checkTimestamp(at(-3_700_000, 'AlexaSkillEvent.SkillDisabled'), now))).to.match(/^400/);
  });
});

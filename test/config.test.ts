import { expect } from 'chai';
import { ConfigError, readConfig } from '../src/config.js';

describe('configuration', () => {
  it('starts with nothing set: SQLite under ./data, verification on, Slack off', () => {
    const config = readConfig({});
    expect(config).to.deep.include({ port: 3000, host: '127.0.0.1', databaseUrl: 'sqlite:./data/back-break.db', logLevel: 'info' });
    expect(config.alexa).to.deep.equal({ skillId: undefined, verify: true });
    expect(config.slack).to.equal(undefined);
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://db/bb',
      LOG_LEVEL: 'warn',
      ALEXA_SKILL_ID: 'amzn1.ask.skill.test',
      ALEXA_VERIFY: 'false',
      SLACK_SIGNING_SECRET: 'not-a-real-secret',
      SLACK_BOT_TOKEN: 'xoxb-not-real',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(config.port).to.equal(8080);
    expect(config.alexa).to.deep.equal({ skillId: 'amzn1.ask.skill.test', verify: false });
    expect(config.slack).to.deep.equal({ signingSecret: 'not-a-real-secret', botToken: 'xoxb-not-real', apiUrl: 'http://127.0.0.1:9/api/' });
  });

  const bad: Array<[string, Record<string, string>]> = [
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['ALEXA_VERIFY', { ALEXA_VERIFY: 'perhaps' }],
    ['ALEXA_SKILL_ID', { ALEXA_SKILL_ID: 'my-skill' }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }],
    ['SLACK_BOT_TOKEN', { SLACK_SIGNING_SECRET: 's' }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-x' }],
    ['SLACK_API_URL', { SLACK_API_URL: 'not a url' }],
  ];
  for (const [variable, env] of bad) {
    it(`refuses a bad ${variable} (${JSON.stringify(env)}) and names it`, () => {
      let error: unknown;
      try {
        readConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ConfigError);
      expect((error as ConfigError).variables).to.include(variable);
      expect((error as Error).message).to.include(variable);
    });
  }

  it('treats an empty variable as unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: '' }).port).to.equal(3000);
  });
});

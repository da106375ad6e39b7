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
      LOG_PSEUDONYM_KEY: 'k'.repeat(32),
      ALEXA_SKILL_ID: 'amzn1.ask.skill.test',
      ALEXA_VERIFY: 'false',
      SLACK_SIGNING_SECRET: 'not-a-real-secret',
      SLACK_BOT_TOKEN: 'xoxb-not-real',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(config.port).to.equal(8080);
    expect(config.alexa).to.deep.equal({ skillId: 'amzn1.ask.skill.test', verify: false });
    expect(config.slack).to.deep.equal({
      signingSecret: 'not-a-real-secret',
      botToken: 'xoxb-not-real',
      apiUrl: 'http://127.0.0.1:9/api/',
      busyStatusEmoji: [':calendar:', ':spiral_calendar_pad:', ':headphones:'],
    });
  });

  it('runs Slack by Socket Mode with an app token, no signing secret needed', () => {
    const config = readConfig({ SLACK_APP_TOKEN: 'xapp-1-not-real', SLACK_BOT_TOKEN: 'xoxb-not-real', SLACK_BUSY_STATUS_EMOJI: ':calendar:, :no_bell:' });
    expect(config.slack).to.deep.include({ appToken: 'xapp-1-not-real', botToken: 'xoxb-not-real', busyStatusEmoji: [':calendar:', ':no_bell:'] });
    expect(config.slack).to.not.have.property('signingSecret');
  });

  it('installs in many workspaces with the OAuth variables instead of a bot token', () => {
    const oauth = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'not-real', SLACK_STATE_SECRET: 'sixteen-or-more-chars' };
    expect(readConfig({ SLACK_SIGNING_SECRET: 's', ...oauth, SLACK_REDIRECT_URI: 'https://bb.example.com/slack/oauth_redirect' }).slack?.oauth).to.deep.equal({
      clientId: '123.456',
      clientSecret: 'not-real',
      stateSecret: 'sixteen-or-more-chars',
      redirectUri: 'https://bb.example.com/slack/oauth_redirect',
    });
    expect(readConfig({ SLACK_APP_TOKEN: 'xapp-1-x', ...oauth }).slack).to.deep.include({ appToken: 'xapp-1-x' });
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
    ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: 'xoxb-a-bot-token-by-mistake', SLACK_BOT_TOKEN: 'xoxb-x' }],
    ['SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: 'xapp-1-x' }],
    ['SLACK_SIGNING_SECRET', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'sixteen-or-more-chars' }],
    ['SLACK_CLIENT_ID', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_CLIENT_ID: '1.2' }],
    ['SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_CLIENT_ID: '1.2' }],
    ['SLACK_STATE_SECRET', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c' }],
    ['SLACK_STATE_SECRET', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'short' }],
    ['SLACK_CLIENT_ID', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_CLIENT_ID: 'not-an-id', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'sixteen-or-more-chars' }],
    ['SLACK_REDIRECT_URI', { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_REDIRECT_URI: 'https://x.example.com/r' }],
    ['SLACK_BUSY_STATUS_EMOJI', { SLACK_BUSY_STATUS_EMOJI: 'calendar' }],
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

import { ErrorCode } from '@slack/oauth';
import type express from 'express';
import type { SlackConfig } from '../../config.js';
import { type Logger, pseudonym } from '../../log.js';
import { copy } from './copy.js';
import { describeError } from './errors.js';
import type { InstalledWorkspaces } from './installations.js';
import { BOT_SCOPES } from './scopes.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** @slack/oauth's error codes that mean the person's request was wrong (stale link, other browser, cancelled). */
const REQUEST_ERRORS = new Set<string>([ErrorCode.InvalidStateError, ErrorCode.MissingStateError, ErrorCode.MissingCodeError]);

/**
 * The install flow on the server's express app (HTTP and Socket Mode alike: the browser of the person
 * installing must reach it). /slack/install sets a signed state in a cookie and sends the browser to Slack's
 * consent page; /slack/oauth_redirect checks the state against that cookie, trades the code for the bot
 * token (oauth.v2.access) and stores the installation.
 */
export function mountOAuthRoutes(app: express.Express, workspaces: InstalledWorkspaces, slack: SlackConfig, log: Logger): void {
  const installOptions = { scopes: [...BOT_SCOPES], ...(slack.oauth?.redirectUri ? { redirectUri: slack.oauth.redirectUri } : {}) };
  app.get(INSTALL_PATH, (req, res) => {
    workspaces.installer.handleInstallPath(req, res, undefined, installOptions).catch((err: unknown) => {
      log.error({ err: describeError(err) }, 'slack install link failed');
      if (!res.headersSent) page(res, 500, copy.install.broken);
    });
  });
  app.get(REDIRECT_PATH, (req, res) => {
    void workspaces.installer.handleCallback(req, res, {
      success: (installation) => {
        log.info({ event: 'slack.installed', team: installation.team?.id === undefined ? undefined : pseudonym(installation.team.id) }, 'Slack workspace installed');
        page(res, 200, copy.install.done(installation.team?.name ?? 'your workspace'));
      },
      failure: (err) => {
        const code = (err as { code?: string }).code ?? 'unknown';
        log.warn({ event: 'slack.install_failed', code }, 'Slack install not completed');
        // The person pressed Cancel on Slack's consent page.
        if (code === ErrorCode.AuthorizationError) page(res, 200, copy.install.cancelled);
        else if (REQUEST_ERRORS.has(code)) page(res, 400, copy.install.refused);
        else page(res, 502, copy.install.broken);
      },
    });
  });
}

function page(res: express.Response, status: number, text: string): void {
  res.status(status).type('html').send(`<!doctype html><meta charset="utf-8"><title>Back Break</title><p>${escapeHtml(text)}</p>`);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

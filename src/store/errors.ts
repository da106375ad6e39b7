/** DATABASE_URL names no store we can open. The message names the variable and never carries a password. */
export class StoreConfigError extends Error {
  constructor(message: string) {
    super(`DATABASE_URL: ${message}`);
    this.name = 'StoreConfigError';
  }
}

/** A URL safe to show: the password (and any query string, which may carry one) replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.search) u.search = '?***';
    return u.toString();
  } catch {
    // Not a URL: show only the scheme.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
    return scheme ? `${scheme}...` : '(unparseable)';
  }
}

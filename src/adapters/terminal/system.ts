/**
 * The terminal's locale and time zone, as the system says: the POSIX locale variables (LC_ALL, then
 * LC_MESSAGES, then LANG, as setlocale reads them) and the zone Intl resolves. They pick the emergency number
 * the coach gives, so an en_GB system hears 999, not 911.
 */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v !== 'C' && v !== 'POSIX');
  const match = raw && /^([a-z]{2,3})(?:_([A-Z]{2}))?/i.exec(raw);
  if (!match) return undefined;
  return match[2] ? `${match[1]!.toLowerCase()}-${match[2].toUpperCase()}` : match[1]!.toLowerCase();
}

export function systemTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'UTC' && zone !== 'Etc/UTC' ? zone : undefined;
}

import { randomInt } from 'node:crypto';
import { newProfile, Profile } from '../core/profile.js';
import { parseSession } from '../core/session.js';
import { type Logger, pseudonym } from '../log.js';
import { mergeProfiles, mergeSessions } from './merge.js';
import type { Store } from './store.js';
import type { IssuedCode, LinkPort, LinkResult } from './turn.js';

/**
 * Identity without accounts: each surface knows a person by its own id (a web cookie, an Alexa user id, a Slack
 * user); a single-use six-digit code issued on one surface and entered on another links them, so one history
 * and one screening serve every surface.
 */

export const LINK_CODE_MINUTES = 10;
/** Wrong codes a person may enter in LINK_CODE_MINUTES before entering codes is refused for a while. */
export const LINK_TRIES = 5;
const DRAWS = 8;
const MERGE_ATTEMPTS = 5;

export interface IdentityDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

/** "123-456", "123 456" or "123456" to six digits; undefined when it is not a code. */
export function normaliseCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

export class Identity implements LinkPort {
  constructor(private readonly deps: IdentityDeps) {}

  resolve(surfaceId: string): Promise<string> {
    return this.deps.store.resolvePerson(surfaceId);
  }

  async issueLinkCode(surfaceId: string): Promise<IssuedCode> {
    const now = this.deps.now();
    const personId = await this.resolve(surfaceId);
    const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
    for (let draw = 0; draw < DRAWS; draw++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (await this.deps.store.putLinkCode({ code, personId, expiresAt: expiresAt.getTime() }, now.getTime())) {
        this.deps.log.info({ event: 'link.code_issued', person: pseudonym(personId) });
        return { code, shown: `${code.slice(0, 3)}-${code.slice(3)}`, expiresAt, minutes: LINK_CODE_MINUTES };
      }
    }
    throw new Error('no free link code after several draws');
  }

  async redeemLinkCode(surfaceId: string, typed: string): Promise<LinkResult> {
    const { store, log } = this.deps;
    const now = this.deps.now().getTime();
    const since = now - LINK_CODE_MINUTES * 60_000;
    const code = normaliseCode(typed);
    if (!code) return { kind: 'malformed' };
    const redeemer = await this.resolve(surfaceId);
    if ((await store.linkTries(redeemer, since)) >= LINK_TRIES) return { kind: 'tooManyTries' };
    const issuer = await store.takeLinkCode(code, now);
    if (!issuer) {
      const tries = await store.addLinkTry(redeemer, now, since);
      log.info({ event: 'link.wrong_code', person: pseudonym(redeemer), tries });
      return tries >= LINK_TRIES ? { kind: 'tooManyTries' } : { kind: 'wrongCode', triesLeft: LINK_TRIES - tries };
    }
    const into = await this.resolve(issuer);
    if (into === redeemer) return { kind: 'alreadyLinked' };
    await this.merge(redeemer, into);
    log.info({ event: 'link.linked', person: pseudonym(into), joined: pseudonym(redeemer) });
    return { kind: 'linked' };
  }

  /** Joins `from` into `into`, computed from what both have now; again when either changed meanwhile. */
  private async merge(from: string, into: string): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 1; attempt <= MERGE_ATTEMPTS; attempt++) {
      const now = this.deps.now();
      const [fp, fs, ip, is] = await Promise.all([store.getProfile(from), store.getSession(from), store.getProfile(into), store.getSession(into)]);
      const profileOf = (row: typeof fp) => (row && Profile.safeParse(row.value).data) || newProfile(now);
      const intoProfile = profileOf(ip);
      const profile = mergeProfiles(intoProfile, profileOf(fp));
      const session = mergeSessions(is && parseSession(is.value), fs && parseSession(fs.value), now, profile.timeZone);
      const result = await store.mergePerson({
        from,
        into,
        read: { fromProfile: fp?.version ?? null, fromSession: fs?.version ?? null, intoProfile: ip?.version ?? null, intoSession: is?.version ?? null },
        profile,
        session,
        now: now.getTime(),
      });
      if (result.ok) return;
      this.deps.log.warn({ event: 'link.merge_conflict', attempt });
    }
    throw new Error('linking kept meeting changes; try again');
  }
}

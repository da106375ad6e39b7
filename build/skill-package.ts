/**
 * `npm run skill:package`: makes skill-package/skill.json deployable with `ask deploy`, from configuration:
 *
 *   PRIVACY_POLICY_URL, TERMS_URL       https:// pages of your own (the skill stores answers per person)
 *   SMALL_ICON_URL, LARGE_ICON_URL      https:// PNGs, 108x108 and 512x512
 *   ALEXA_ENDPOINT_URL                  https://<your host>/alexa, for the skill on your own server, or
 *   LAMBDA_ARN                          arn:aws:lambda:<region>:<account>:function:<name>, for Lambda
 *   ALEXA_SSL_CERTIFICATE_TYPE          with ALEXA_ENDPOINT_URL: Trusted (default), Wildcard or SelfSigned
 *
 * The committed manifest keeps placeholders on example.com, valid for Amazon's schema; this refuses to
 * write one that still points there (or at this machine), naming each variable that is missing or wrong.
 * `--out <dir>` writes <dir>/skill.json instead of changing skill-package/skill.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKILL_PACKAGE = fileURLToPath(new URL('../skill-package', import.meta.url));

export class SkillPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot package the skill:\n  ${problems.join('\n  ')}`);
    this.name = 'SkillPackageError';
  }
}

/** Hosts that are never a real deployment: documentation domains and this machine. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|example|invalid|test|localhost)$|^127\.|^\[?::1\]?$|^0\.0\.0\.0$/i;

function httpsUrl(name: string, value: string | undefined, problems: string[]): string {
  if (!value) {
    problems.push(`${name}: required`);
    return '';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name}: not a URL`);
    return '';
  }
  if (url.protocol !== 'https:') problems.push(`${name}: must be https://`);
  else if (PLACEHOLDER_HOST.test(url.hostname)) problems.push(`${name}: ${url.hostname} is a placeholder, not your host`);
  return value;
}

type Manifest = {
  manifest: {
    publishingInformation: { locales: Record<string, Record<string, unknown>> };
    privacyAndCompliance: { usesPersonalInfo: boolean; locales: Record<string, Record<string, unknown>> };
    apis: { custom: { endpoint: Record<string, unknown> } };
  };
};

/** The committed manifest with the configured URLs and endpoint; throws SkillPackageError naming every problem. */
export function packagedManifest(committed: Manifest, env: NodeJS.ProcessEnv): Manifest {
  const problems: string[] = [];
  const privacy = httpsUrl('PRIVACY_POLICY_URL', env.PRIVACY_POLICY_URL, problems);
  const terms = httpsUrl('TERMS_URL', env.TERMS_URL, problems);
  const smallIcon = httpsUrl('SMALL_ICON_URL', env.SMALL_ICON_URL, problems);
  const largeIcon = httpsUrl('LARGE_ICON_URL', env.LARGE_ICON_URL, problems);
  let endpoint: Record<string, unknown> = {};
  if (env.ALEXA_ENDPOINT_URL && env.LAMBDA_ARN) problems.push('ALEXA_ENDPOINT_URL and LAMBDA_ARN: set one, not both');
  else if (env.LAMBDA_ARN) {
    if (!/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/.test(env.LAMBDA_ARN)) {
      problems.push('LAMBDA_ARN: must be arn:aws:lambda:<region>:<account>:function:<name>');
    } else if (/:0{12}:/.test(env.LAMBDA_ARN)) problems.push('LAMBDA_ARN: account 000000000000 is a placeholder');
    endpoint = { uri: env.LAMBDA_ARN };
  } else if (env.ALEXA_ENDPOINT_URL) {
    const uri = httpsUrl('ALEXA_ENDPOINT_URL', env.ALEXA_ENDPOINT_URL, problems);
    const certificate = env.ALEXA_SSL_CERTIFICATE_TYPE ?? 'Trusted';
    if (!['Trusted', 'Wildcard', 'SelfSigned'].includes(certificate)) problems.push('ALEXA_SSL_CERTIFICATE_TYPE: Trusted, Wildcard or SelfSigned');
    endpoint = { uri, sslCertificateType: certificate };
  } else problems.push('ALEXA_ENDPOINT_URL (your server, https://<host>/alexa) or LAMBDA_ARN: one is required');
  if (problems.length > 0) throw new SkillPackageError(problems);

  const out = structuredClone(committed);
  const m = out.manifest;
  for (const info of Object.values(m.publishingInformation.locales)) Object.assign(info, { smallIconUri: smallIcon, largeIconUri: largeIcon });
  m.privacyAndCompliance.usesPersonalInfo = true;
  for (const locale of Object.keys(m.publishingInformation.locales)) {
    m.privacyAndCompliance.locales[locale] = { privacyPolicyUrl: privacy, termsOfUseUrl: terms };
  }
  m.apis.custom.endpoint = endpoint;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? process.argv[at + 1] : SKILL_PACKAGE;
  if (!outDir) {
    console.error('--out needs a folder');
    process.exit(2);
  }
  try {
    const committed = JSON.parse(readFileSync(join(SKILL_PACKAGE, 'skill.json'), 'utf8')) as Manifest;
    const manifest = packagedManifest(committed, process.env);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'skill.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`wrote ${join(outDir, 'skill.json')} (endpoint ${String(manifest.manifest.apis.custom.endpoint.uri)})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
}

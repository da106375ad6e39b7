import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedManifest, SkillPackageError } from '../../../build/skill-package.js';
import { LOCALES } from '../../../src/adapters/alexa/model/build.js';
import { skillModelPath } from '../../../src/adapters/alexa/model/write.js';
import { smapiErrors } from './smapi.js';

/** The ASK CLI's project layout (`ask deploy`) and `npm run skill:package`, offline. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const committed = () => read('skill-package/skill.json');

const CONFIGURED = {
  PRIVACY_POLICY_URL: 'https://coach.backbreak.app/privacy',
  TERMS_URL: 'https://coach.backbreak.app/terms',
  SMALL_ICON_URL: 'https://coach.backbreak.app/icons/108.png',
  LARGE_ICON_URL: 'https://coach.backbreak.app/icons/512.png',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    packagedManifest(committed(), env);
  } catch (err) {
    expect(err).to.be.instanceOf(SkillPackageError);
    return (err as SkillPackageError).problems;
  }
  throw new Error('packaged without a problem');
}

describe('ASK CLI skill package', () => {
  it('ask-resources.json points the ASK CLI at skill-package/, which has the manifest and every locale', () => {
    const resources = read('ask-resources.json');
    expect(resources.askcliResourcesVersion).to.equal('2020-03-31');
    expect(resources.profiles.default.skillMetadata.src).to.equal('./skill-package');
    expect(committed().manifest.publishingInformation.locales).to.have.all.keys(...LOCALES);
    for (const locale of LOCALES) expect(JSON.parse(readFileSync(skillModelPath(locale), 'utf8')).interactionModel.languageModel.invocationName).to.equal('back break');
  });

  it('the committed manifest says personal information is used and has valid placeholder URLs and icons', () => {
    const m = committed().manifest;
    expect(m.privacyAndCompliance.usesPersonalInfo).to.equal(true);
    for (const locale of LOCALES) {
      expect(m.privacyAndCompliance.locales[locale].privacyPolicyUrl).to.match(/^https:\/\//);
      expect(m.privacyAndCompliance.locales[locale].termsOfUseUrl).to.match(/^https:\/\//);
      expect(m.publishingInformation.locales[locale].smallIconUri).to.match(/^https:\/\//);
      expect(m.publishingInformation.locales[locale].largeIconUri).to.match(/^https:\/\//);
    }
    expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', committed())).to.deep.equal([]);
  });

  it('packages for your own HTTPS server: every URL from configuration, valid for SMAPI', () => {
    const out = packagedManifest(committed(), { ...CONFIGURED, ALEXA_ENDPOINT_URL: 'https://coach.backbreak.app/alexa' });
    expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', out)).to.deep.equal([]);
    const m = out.manifest;
    expect(m.apis.custom.endpoint).to.deep.equal({ uri: 'https://coach.backbreak.app/alexa', sslCertificateType: 'Trusted' });
    for (const locale of LOCALES) {
      expect(m.privacyAndCompliance.locales[locale]).to.deep.equal({ privacyPolicyUrl: CONFIGURED.PRIVACY_POLICY_URL, termsOfUseUrl: CONFIGURED.TERMS_URL });
      expect(m.publishingInformation.locales[locale]).to.include({ smallIconUri: CONFIGURED.SMALL_ICON_URL, largeIconUri: CONFIGURED.LARGE_ICON_URL });
    }
    expect(JSON.stringify(out)).to.not.include('example.com');
  });

  it('packages for Lambda: the function ARN as the endpoint, valid for SMAPI', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:back-break';
    const out = packagedManifest(committed(), { ...CONFIGURED, LAMBDA_ARN: arn });
    expect(out.manifest.apis.custom.endpoint).to.deep.equal({ uri: arn });
    expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', out)).to.deep.equal([]);
  });

  it('refuses the committed placeholders, this machine, http and a missing endpoint, naming each variable', () => {
    const m = committed().manifest;
    const placeholders = {
      PRIVACY_POLICY_URL: m.privacyAndCompliance.locales['en-US'].privacyPolicyUrl,
      TERMS_URL: m.privacyAndCompliance.locales['en-US'].termsOfUseUrl,
      SMALL_ICON_URL: 'http://coach.backbreak.app/108.png',
      LARGE_ICON_URL: 'https://localhost/512.png',
      ALEXA_ENDPOINT_URL: m.apis.custom.endpoint.uri,
    };
    expect(problems(placeholders)).to.deep.equal([
      'PRIVACY_POLICY_URL: back-break.example.com is a placeholder, not your host',
      'TERMS_URL: back-break.example.com is a placeholder, not your host',
      'SMALL_ICON_URL: must be https://',
      'LARGE_ICON_URL: localhost is a placeholder, not your host',
      'ALEXA_ENDPOINT_URL: back-break.example.com is a placeholder, not your host',
    ]);
    expect(problems(CONFIGURED)).to.deep.equal(['ALEXA_ENDPOINT_URL (your server, https://<host>/alexa) or LAMBDA_ARN: one is required']);
    expect(problems({ ...CONFIGURED, ALEXA_ENDPOINT_URL: 'https://a.backbreak.app/alexa', LAMBDA_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:x' })).to.have.length(1);
    expect(problems({ ...CONFIGURED, LAMBDA_ARN: 'my-function' })).to.deep.equal(['LAMBDA_ARN: must be arn:aws:lambda:<region>:<account>:function:<name>']);
    expect(problems({ ...CONFIGURED, LAMBDA_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:x' })).to.deep.equal(['LAMBDA_ARN: account 000000000000 is a placeholder']);
    expect(problems({ ...CONFIGURED, PRIVACY_POLICY_URL: 'not a url', ALEXA_ENDPOINT_URL: 'https://a.backbreak.app/alexa', ALEXA_SSL_CERTIFICATE_TYPE: 'Cheap' })).to.deep.equal([
      'PRIVACY_POLICY_URL: not a URL',
      'ALEXA_SSL_CERTIFICATE_TYPE: Trusted, Wildcard or SelfSigned',
    ]);
  });

  it('npm run skill:package writes the manifest from the environment, and exits 2 naming what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-skill-'));
    try {
      const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
      const ok = spawnSync('npm', ['run', 'skill:package', '--silent', '--', '--out', dir], {
        cwd: ROOT,
        env: { ...base, ...CONFIGURED, ALEXA_ENDPOINT_URL: 'https://coach.backbreak.app/alexa' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(ok.status, ok.stderr).to.equal(0);
      const written = JSON.parse(readFileSync(join(dir, 'skill.json'), 'utf8'));
      expect(written.manifest.apis.custom.endpoint.uri).to.equal('https://coach.backbreak.app/alexa');
      expect(smapiErrors('v1.skill.Manifest.SkillManifestEnvelope', written)).to.deep.equal([]);

      const refused = spawnSync('npm', ['run', 'skill:package', '--silent', '--', '--out', dir], { cwd: ROOT, env: base, encoding: 'utf8', timeout: 30_000 });
      expect(refused.status).to.equal(2);
      expect(refused.stderr).to.include('PRIVACY_POLICY_URL: required').and.include('LAMBDA_ARN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

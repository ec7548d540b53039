import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapClaims } from '../../../src/server/auth/sso/claim-mapping';
import {
  acrAccepted,
  loadSsoConfig,
  redirectAllowed,
  ssoConfigSchema,
} from '../../../src/server/auth/sso/sso-config';

const EXAMPLES = join(__dirname, '../../../resources/sso-examples');

const base = {
  displayName: 'Agency ID',
  issuer: 'https://login.example.gov/',
  clientId: 'agent-desk',
  mapping: [{ group: 'AD-Desk-Tier1-Alpha', role: 'tier1', team: 'alpha' }],
};

describe('SSO configuration (docs/deployment.md §14)', () => {
  it.each(readdirSync(EXAMPLES))('the worked example %s is valid', (file) => {
    const loaded = loadSsoConfig(join(EXAMPLES, file));
    expect(loaded.ok ? 'valid' : loaded.error.message).toBe('valid');
  });

  it('names every problem of a bad file', () => {
    const parsed = ssoConfigSchema.safeParse({
      ...base,
      issuer: 'http://idp.example.gov',
      scopes: ['profile'],
      mapping: [],
    });
    const messages = parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'issuer: the issuer must use https (http only on a loopback address)',
        'mapping: map at least one group to a role and team',
      ]),
    );
    expect(ssoConfigSchema.safeParse({ ...base, scopes: ['profile'] }).success).toBe(false);
    expect(ssoConfigSchema.safeParse({ ...base, clientSecert: 'typo-typo-typo-typo' }).success).toBe(false);
  });

  it('accepts an ID token only with a required assurance (acr), when one is configured', () => {
    const piv = 'http://idmanagement.gov/ns/assurance/aal/3?hspd12=true';
    expect(acrAccepted({ acrValues: [] }, {})).toBe(true);
    expect(acrAccepted({ acrValues: [piv] }, { acr: piv })).toBe(true);
    expect(acrAccepted({ acrValues: [piv] }, { acr: 'http://idmanagement.gov/ns/assurance/aal/1' })).toBe(
      false,
    );
    expect(acrAccepted({ acrValues: [piv] }, {})).toBe(false);
  });

  it('allows a loopback redirect on any port (RFC 8252 §7.3) and nothing else', () => {
    const config = ssoConfigSchema.parse(base);
    expect(redirectAllowed(config, 'http://127.0.0.1:53111/callback')).toBe(true);
    expect(redirectAllowed(config, 'http://127.0.0.1:53111/other')).toBe(false);
    expect(redirectAllowed(config, 'http://127.0.0.1.evil.example:53111/callback')).toBe(false);
    expect(redirectAllowed(config, 'http://127.0.0.1:53111/callback?next=x')).toBe(false);
    expect(redirectAllowed(config, 'not a url')).toBe(false);
  });

  it('maps the first matching group; an unmapped user is told what IT must configure', () => {
    const config = ssoConfigSchema.parse(base);
    expect(
      mapClaims(config, {
        sub: 's',
        preferred_username: 'Ana.Ruiz@Agency.gov',
        groups: 'AD-Desk-Tier1-Alpha',
      }),
    ).toEqual({
      ok: true,
      value: { username: 'ana.ruiz.agency.gov', name: 'ana.ruiz.agency.gov', role: 'tier1', team: 'alpha' },
    });
    const none = mapClaims(config, { sub: 's', preferred_username: 'ana' });
    expect(none).toMatchObject({ ok: false, error: { code: 'sso.unmapped' } });
    expect(!none.ok && none.error.message).toContain('release that claim');
    const other = mapClaims(config, { sub: 's', preferred_username: 'ana', groups: ['Secret-Project-X'] });
    expect(!other.ok && other.error.message).not.toContain('Secret-Project-X');
    expect(mapClaims(config, { sub: 's', groups: ['AD-Desk-Tier1-Alpha'] })).toMatchObject({
      ok: false,
      error: { code: 'sso.no_username' },
    });
  });
});

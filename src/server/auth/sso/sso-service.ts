import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { MINUTE_MS } from '../../../shared/domain/policy';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { UserRow } from '../../../shared/sync/rows/user';
import type { SsoSignInRequest } from '../../../shared/sync/sso';
import type { Db } from '../../storage/database';
import { findUserById, findUserByUsername, insertUser, updateUserProfile } from '../../storage/users';
import type { AuthService, SignedIn } from '../auth-service';
import { NO_PASSWORD_HASH } from '../passwords';
import { mapClaims, type MappedUser } from './claim-mapping';
import { acrAccepted, redirectAllowed, type SsoConfig } from './sso-config';
import { OidcProvider } from './sso-provider';

/** What the sign-in changed in the users table (the route pokes desktops of these teams). */
export interface ProfileChange {
  version: number;
  teams: Set<string>;
  userId: string;
}

export interface SsoSignedIn {
  signedIn: SignedIn;
  changed: ProfileChange | undefined;
}

/**
 * Sign-in through the agency's identity provider: the code is redeemed and its ID
 * token validated here (OidcProvider), the nonce used once, the claims mapped to a
 * role and team (claim-mapping), the Agent Desk user found by the provider's
 * subject (created or linked by user name on first sign-in, and kept in step with
 * the mapping afterwards), and then the same session as a password sign-in, bounded
 * to `reauthenticateMinutes`: an account disabled at the provider loses access then.
 */
export class SsoService {
  readonly provider: OidcProvider;

  constructor(
    readonly config: SsoConfig,
    private readonly deps: { db: Db; auth: AuthService },
  ) {
    this.provider = new OidcProvider(config);
  }

  async signIn(request: SsoSignInRequest, now: number): Promise<Result<SsoSignedIn>> {
    if (!redirectAllowed(this.config, request.redirectUri))
      return err(
        'sso.redirect_refused',
        'This redirect address is not allowed; IT must list it in allowedRedirects.',
      );
    const idToken = await this.provider.redeem(request);
    if (!idToken.ok) return idToken;
    const claims = await this.provider.validate(idToken.value, { nonce: request.nonce, now });
    if (!claims.ok) return claims;
    if (!acrAccepted(this.config, claims.value))
      return err(
        'sso.acr_refused',
        'The identity provider did not confirm the sign-in method this deployment requires (e.g. PIV/CAC); sign in with it.',
      );
    if (!(await this.useNonce(claims.value, now)))
      return err('sso.nonce_replayed', 'This sign-in answer was used before; sign in again.');
    const mapped = mapClaims(this.config, claims.value);
    if (!mapped.ok) return mapped;
    const user = await this.provision(String(claims.value.sub), mapped.value, now);
    if (!user.ok) return user;
    const signedIn = await this.deps.auth.openSession(
      user.value.profile,
      this.config.reauthenticateMinutes * MINUTE_MS,
    );
    return ok({ signedIn, changed: user.value.changed });
  }

  /** Records the token's nonce; false when it was used before (a replayed answer). */
  private async useNonce(claims: JWTPayload, now: number): Promise<boolean> {
    const { db } = this.deps;
    await db.deleteFrom('sso_nonces').where('expires_at', '<', now).execute();
    const tolerance = this.config.clockToleranceSeconds * 1000;
    const inserted = await db
      .insertInto('sso_nonces')
      .values({ nonce: String(claims.nonce), expires_at: (claims.exp ?? 0) * 1000 + tolerance })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .returning('nonce')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /**
   * The Agent Desk user of this identity: the one linked to (issuer, subject); on the
   * first sign-in the local account of the same user name (an existing deployment
   * moving to SSO), else a new account without a password. Role, team and name follow
   * the mapping on every sign-in; an account disabled in Agent Desk stays refused.
   */
  private async provision(
    subject: string,
    mapped: MappedUser,
    now: number,
  ): Promise<Result<{ profile: UserRow; changed: ProfileChange | undefined }>> {
    const { issuer } = this.config;
    return this.deps.db.transaction().execute(async (trx) => {
      const link = await trx
        .selectFrom('sso_identities')
        .select('user_id')
        .where('issuer', '=', issuer)
        .where('subject', '=', subject)
        .executeTakeFirst();
      const existing = link
        ? await findUserById(trx, link.user_id)
        : await findUserByUsername(trx, mapped.username);
      if (!existing) {
        const id = `u-${randomUUID()}`;
        const version = await insertUser(trx, { id, ...mapped, passwordHash: NO_PASSWORD_HASH });
        await trx
          .insertInto('sso_identities')
          .values({ issuer, subject, user_id: id, created_at: now })
          .execute();
        const profile = {
          id,
          name: mapped.name,
          role: mapped.role,
          team: mapped.team,
          active: true,
          version,
        };
        return ok({ profile, changed: { version, teams: new Set([mapped.team]), userId: id } });
      }
      if (!link) {
        const other = await trx
          .selectFrom('sso_identities')
          .select('subject')
          .where('issuer', '=', issuer)
          .where('user_id', '=', existing.profile.id)
          .executeTakeFirst();
        if (other)
          return err(
            'sso.username_taken',
            `The user name ${mapped.username} belongs to another identity at the provider; IT must resolve the duplicate.`,
          );
        await trx
          .insertInto('sso_identities')
          .values({ issuer, subject, user_id: existing.profile.id, created_at: now })
          .execute();
      }
      const { profile } = existing;
      if (!profile.active)
        return err('auth.account_disabled', 'This account is disabled; ask an administrator.');
      if (profile.name === mapped.name && profile.role === mapped.role && profile.team === mapped.team)
        return ok({ profile, changed: undefined });
      const next = { id: profile.id, name: mapped.name, role: mapped.role, team: mapped.team, active: true };
      const version = await updateUserProfile(trx, profile.id, next);
      return ok({
        profile: { ...next, version },
        changed: { version, teams: new Set([profile.team, mapped.team]), userId: profile.id },
      });
    });
  }
}

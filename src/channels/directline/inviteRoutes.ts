// Invitations (admin endpoint) and what the chat page needs to know: the creditor, and demo cases outside production.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Account } from '../../domain/account.js';
import { HttpError } from '../../errors.js';
import type { TokenAuth } from '../../server/auth.js';
import { answer as answerWithoutCors } from '../../server/httpErrors.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import { parseBody } from './directLineActivities.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { answer, publicBase, queryParam } from './directLineHttp.js';
import { creditorInScriptOf } from './creditorName.js';

export interface InviteRouteDeps {
  tokens: DirectLineTokens;
  accounts: AccountDirectory;
  /** The demo borrowers offered on the chat page outside production (the development seed); empty in production. */
  demoAccounts: readonly Account[];
  auth: TokenAuth;
  inviteTtlSeconds: number;
  publicUrl: string | undefined;
  production: boolean;
  logger: Logger;
}

const InviteRequestSchema = z.object({
  accountRef: z.string().min(1).max(64),
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
});
const PersonaSchema = z.looseObject({ persona: z.string() });

/** Makes an invitation for an account: the link opens a web chat already bound to its case. */
export async function makeInvite(
  deps: Pick<InviteRouteDeps, 'tokens' | 'accounts'>,
  accountRef: string,
  ttlSeconds: number,
  base: string,
) {
  const account = await deps.accounts.byReference(accountRef);
  if (!account) throw new HttpError(404, `no account ${accountRef}`);
  const { invite, expiresAt } = await deps.tokens.invite(account.accountRef, ttlSeconds);
  return { accountRef: account.accountRef, invite, url: `${base}/?invite=${invite}`, expiresAt };
}

export function inviteRoutes(server: Server, deps: InviteRouteDeps): void {
  // An admin API: no CORS, so no other site's page can call it with an admin's token.
  server.post(
    '/api/admin/invites',
    answerWithoutCors(deps.logger, async (req) => {
      const principal = deps.auth.authorize(req, ['admin']);
      const request = parseBody(InviteRequestSchema, req.body, 'invitation request');
      const made = await makeInvite(
        deps,
        request.accountRef,
        request.ttlHours ? request.ttlHours * 3600 : deps.inviteTtlSeconds,
        publicBase(req, deps.publicUrl),
      );
      deps.logger.info(
        { accountRef: made.accountRef, by: principal.id, expiresAt: made.expiresAt },
        'web chat invitation made',
      );
      return [201, made];
    }),
  );

  server.get(
    '/api/webchat/config',
    answer(deps.logger, async (req) => {
      const invite = queryParam(req, 'invite');
      const invited = invite
        ? await deps.tokens.verifyInvite(invite).then(
            (claims) => deps.accounts.byReference(claims.acct),
            () => undefined,
          )
        : undefined;
      const creditor = await creditorInScriptOf(
        queryParam(req, 'locale'),
        (invited ?? deps.demoAccounts[0])?.creditor ?? '',
      );
      if (deps.production) return [200, { creditor }];
      const demo = await Promise.all(
        deps.demoAccounts.map(async (account) => ({
          ...demoFacts(account),
          invite: (await deps.tokens.invite(account.accountRef, deps.inviteTtlSeconds)).invite,
        })),
      );
      return [200, { creditor, demo }];
    }),
  );
}

/** Outside production only: the demo borrowers a developer can pick on the page. */
function demoFacts(account: Account) {
  const persona = PersonaSchema.safeParse(account).data?.persona ?? '';
  const [name, story] = persona.split(/\s+—\s+/);
  return {
    accountRef: account.accountRef,
    persona: name ?? account.accountRef,
    story: story ?? '',
    creditor: account.creditor,
    locale: account.borrower.preferredLocale,
  };
}

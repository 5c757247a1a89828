// The borrower's written agreement: a signed link for the web chat's conversation, and the printable page it opens.
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { initialContext } from '../../../machines/context.js';
import { agreementContent } from '../../conversation/render/cards.js';
import { caseIdFor } from '../../conversation/caseIdentity.js';
import type { DialogRegistry } from '../../dialogs/dialogBundle.js';
import { promptVariables } from '../../dialogs/promptVariables.js';
import { formatDay } from '../../domain/formatDate.js';
import { HttpError } from '../../errors.js';
import { sendError } from '../../server/httpErrors.js';
import { pagePolicy } from '../../server/edge/securityHeaders.js';
import type { CaseStore } from '../../store/caseStore.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import { agreementPage } from '../../web/agreement/agreementPage.js';
import { DIRECTLINE_CHANNEL } from './directLineActivities.js';
import type { DirectLineBridge } from './directLineBridge.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { answer, bearerToken, publicBase, queryParam } from './directLineHttp.js';
import { creditorInScriptOf } from './creditorName.js';

export interface AgreementRouteDeps {
  bridge: DirectLineBridge;
  tokens: DirectLineTokens;
  store: CaseStore;
  dialogs: DialogRegistry;
  accounts: AccountDirectory;
  /** RETENTION_DAYS: how long the agreement's link works after the day it was agreed. */
  retentionDays: number;
  publicUrl: string | undefined;
  logger: Logger;
}

const DAY_MS = 24 * 3600 * 1000;

export function agreementRoutes(server: Server, deps: AgreementRouteDeps): void {
  const retentionSeconds = deps.retentionDays * 24 * 3600;

  server.post(
    '/v3/directline/conversations/:conversationId/agreement',
    answer(deps.logger, async (req) => {
      const claims = await deps.tokens.verifyConversation(bearerToken(req));
      const record = await deps.bridge.conversationFor(claims, req.params.conversationId as string);
      const caseId = caseIdFor(DIRECTLINE_CHANNEL, record.conversationId);
      // A browser that joined later is given the link only once it has passed the identity check itself.
      if (!(await deps.bridge.deviceVerified(claims, record)))
        throw new HttpError(
          403,
          'this browser has not confirmed the borrower’s identity: answer the identity questions in the chat first',
        );
      const agreement = await deps.store.agreement(caseId);
      if (!agreement) throw new HttpError(404, 'this conversation has no agreement yet');
      const expiresAt = new Date(Date.parse(agreement.agreedAt) + deps.retentionDays * DAY_MS);
      const token = await deps.tokens.agreementLink(caseId, expiresAt);
      return [
        200,
        { url: `${publicBase(req, deps.publicUrl)}/agreement?t=${token}`, expiresAt: expiresAt.toISOString() },
      ];
    }),
  );

  server.get('/agreement', async (req: Request, res: Response) => {
    try {
      const caseId = await deps.tokens.verifyAgreement(queryParam(req, 't') ?? '', retentionSeconds);
      const [agreement, loaded] = await Promise.all([deps.store.agreement(caseId), deps.store.load(caseId)]);
      if (!agreement || !loaded.record) throw new HttpError(404, 'this agreement is no longer kept');
      const { locale, flowVersion } = loaded.record;
      const bundle = await deps.dialogs.get(flowVersion);
      const prompts = bundle.prompts[locale];
      const context = initialContext({ caseId });
      const vars = promptVariables({ context, locale, prompts, figures: bundle.figures, agreement });
      const t = { prompts, vars, locale, currency: agreement.currency };
      const html = agreementPage({
        lang: locale,
        creditor: await creditorInScriptOf(
          locale,
          (await deps.accounts.byReference(agreement.accountRef))?.creditor ?? String(vars.creditor ?? ''),
        ),
        agreedOn: `${prompts.get('agreementPage.agreedOn') ?? ''} ${formatDay(agreement.agreedAt.slice(0, 10), locale)}`,
        print: prompts.get('agreementPage.print') ?? 'Print',
        content: agreementContent(t, agreement.offer, agreement.dueDates, agreement.reference),
      });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
        'content-security-policy': pagePolicy({ inlineStyles: true }),
      });
      res.end(html);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}

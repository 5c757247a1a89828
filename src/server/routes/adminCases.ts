// DELETE /api/admin/cases/:caseId (role admin): erases a case everywhere — record, transcript, agreement, queue, desk index, web chat log.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DIRECTLINE_CHANNEL } from '../../channels/directline/directLineActivities.js';
import type { DirectLineStore } from '../../channels/directline/directLineStore.js';
import { HttpError } from '../../errors.js';
import type { DeskIndex } from '../../handoff/deskIndex.js';
import type { CaseStore, HandoffQueue } from '../../store/caseStore.js';
import type { TokenAuth } from '../auth.js';
import { answer } from '../httpErrors.js';

const ParamsSchema = z.object({ caseId: z.string().regex(/^c-[A-Za-z0-9_-]{6,64}$/, 'a case id such as c-AbC123…') });

export function adminCaseRoutes(
  server: Server,
  deps: {
    auth: TokenAuth;
    store: CaseStore;
    queue: HandoffQueue;
    deskIndex: DeskIndex;
    directLine: DirectLineStore;
    logger: Logger;
  },
): void {
  server.del(
    '/api/admin/cases/:caseId',
    answer(deps.logger, async (req) => {
      const admin = deps.auth.authorize(req, ['admin']);
      const params = ParamsSchema.safeParse(req.params);
      if (!params.success) throw new HttpError(400, `caseId: ${params.error.issues[0]?.message}`);
      const { caseId } = params.data;
      const { record } = await deps.store.load(caseId);
      if (!record) throw new HttpError(404, `no case ${caseId}`);
      await deps.queue.remove(caseId);
      await deps.deskIndex.remove(caseId);
      // Web chat keeps its own log of what the borrower typed, unmasked: it goes too.
      if (record.channelId === DIRECTLINE_CHANNEL) await deps.directLine.erase(record.conversationId);
      await deps.store.erase(caseId);
      deps.logger.info({ caseId, by: admin.id }, 'case erased on request');
      return [200, { caseId, erased: true }];
    }),
  );
}

// The flow viewer's APIs (role product_owner or admin), editing (product_owner) and POST /api/admin/flows/reload (role admin).
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { formatProblems, isError } from '../../../machines/flow.js';
import type { Flows } from '../../dialogs/versions/openFlows.js';
import { flowsPageRoute } from '../../web/flows/flowsPage.js';
import type { TokenAuth } from '../auth.js';
import type { Account } from '../../domain/account.js';
import { answer } from '../httpErrors.js';
import { funnelRoutes, VIEWERS } from './flowsFunnel.js';
import { publishRoutes } from './flowsPublish.js';
import { experimentRoutes } from './flowsExperiments.js';

const VersionSchema = z.object({ version: z.string().regex(/^[0-9a-f]{6,64}$/, 'a flow version (hex content hash)') });

export function flowsRoutes(
  server: Server,
  deps: { flows: Flows; auth: TokenAuth; logger: Logger; clock?: () => Date; demoAccounts?: readonly Account[] },
): void {
  const { flows, auth, logger } = deps;
  const today = () => (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);
  const bundleOf = async (params: unknown) => {
    const parsed = VersionSchema.safeParse(params);
    if (!parsed.success) throw new HttpError(400, `version: ${parsed.error.issues[0]?.message}`);
    const known =
      (await flows.dialogs.versions()).some((v) => v.version === parsed.data.version) ||
      flows.dialogs.current().version === parsed.data.version;
    if (!known) throw new HttpError(404, `no flow version ${parsed.data.version}`);
    return flows.dialogs.get(parsed.data.version);
  };
  flowsPageRoute(server);

  server.get(
    '/api/flows/versions',
    answer(logger, async (req) => {
      auth.authorize(req, VIEWERS);
      return [200, { current: flows.dialogs.current().version, versions: await flows.dialogs.versions() }];
    }),
  );

  funnelRoutes(server, { flows, auth, logger, today, bundleOf });
  experimentRoutes(server, { flows, auth, logger, today });
  publishRoutes(server, {
    flows,
    auth,
    logger,
    clock: deps.clock ?? (() => new Date()),
    demoAccounts: deps.demoAccounts ?? [],
  });

  server.post(
    '/api/admin/flows/reload',
    answer(logger, async (req) => {
      const admin = auth.authorize(req, ['admin']);
      const result = await flows.dialogs.reload();
      if (!result.ok) {
        const errors = result.problems.filter(isError);
        return [
          422,
          {
            error: {
              code: 'XS_FLOW_INVALID',
              message: `dialogs not loaded, still on ${result.current}:\n${formatProblems(errors)}`,
            },
            current: result.current,
            problems: result.problems,
          },
        ];
      }
      logger.info({ by: admin.id, flowVersion: result.version, previous: result.previous }, 'dialogs reload requested');
      return [
        200,
        {
          version: result.version,
          previous: result.previous,
          changed: result.changed,
          warnings: formatProblems(result.warnings).split('\n').filter(Boolean),
        },
      ];
    }),
  );
}

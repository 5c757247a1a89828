// GET /api/flows/:version/{graph,funnel} and /api/flows/:version/plan/{graph,funnel}: the diagrams and their counts.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { flowGraph, type FlowGraph } from '../../../machines/flowGraph.js';
import { toMermaid } from '../../dialogs/graph/toMermaid.js';
import { toSvg } from '../../dialogs/graph/toSvg.js';
import type { DialogBundle } from '../../dialogs/dialogBundle.js';
import type { Flows } from '../../dialogs/versions/openFlows.js';
import { summarizeFunnel } from '../../metrics/funnel.js';
import type { FlowCounts } from '../../metrics/flowMetrics.js';
import { edgeCounts } from '../../metrics/edgeCounts.js';
import { planMetricsVersion } from '../../metrics/outcomeMetrics.js';
import { milestonesOf } from '../../metrics/milestones.js';
import type { TokenAuth } from '../auth.js';
import { answer } from '../httpErrors.js';
import { describeIssues } from '../../zodIssues.js';

export const VIEWERS = ['product_owner', 'admin'] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-05-01');
const PeriodSchema = z.object({ from: day.optional(), to: day.optional() });

/** The two flows of a version: the negotiation, and the plan after an agreement (counted under its own name). */
const FLOWS = {
  '': { graph: (b: DialogBundle) => flowGraph(b.machine), metrics: (v: string) => v, name: 'negotiation flow' },
  '/plan': { graph: (b: DialogBundle) => flowGraph(b.plan.machine), metrics: planMetricsVersion, name: 'plan flow' },
};

export interface FunnelDeps {
  flows: Flows;
  auth: TokenAuth;
  logger: Logger;
  today: () => string;
  bundleOf: (params: unknown) => Promise<DialogBundle>;
}

export function funnelOf(graph: FlowGraph, counts: FlowCounts) {
  const funnel = summarizeFunnel(graph, counts);
  const entered = (id: string) => funnel.states.find((s) => s.id === id)?.entered ?? 0;
  return {
    ...funnel,
    edges: edgeCounts(graph, funnel),
    outcomes: { kept: entered('completed'), broken: entered('broken') },
    milestones: milestonesOf(funnel, counts),
  };
}

export function funnelRoutes(server: Server, deps: FunnelDeps): void {
  const { flows, auth, logger } = deps;
  for (const [suffix, flow] of Object.entries(FLOWS)) {
    server.get(
      `/api/flows/:version${suffix}/graph`,
      answer(logger, async (req) => {
        auth.authorize(req, VIEWERS);
        const bundle = await deps.bundleOf(req.params);
        const graph = flow.graph(bundle);
        return [200, { version: bundle.version, graph, mermaid: toMermaid(graph), svg: toSvg(graph, flow.name) }];
      }),
    );
    server.get(
      `/api/flows/:version${suffix}/funnel`,
      answer(logger, async (req) => {
        auth.authorize(req, VIEWERS);
        const bundle = await deps.bundleOf(req.params);
        const period = PeriodSchema.safeParse(
          Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
        );
        if (!period.success) throw new HttpError(400, describeIssues(period.error, 'query'));
        const to = period.data.to ?? deps.today();
        const from = period.data.from ?? to;
        if (from > to) throw new HttpError(400, `from ${from} is after to ${to}`);
        const counts = await flows.metrics.counts(flow.metrics(bundle.version), from, to);
        return [200, { version: bundle.version, from, to, ...funnelOf(flow.graph(bundle), counts) }];
      }),
    );
  }
}

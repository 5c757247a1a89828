// Experiments on /api/flows/experiments: list and compare the arms (viewers), start and stop (role product_owner).
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { flowGraph } from '../../../machines/flowGraph.js';
import type { Flows } from '../../dialogs/versions/openFlows.js';
import type { Experiment } from '../../dialogs/versions/experimentStore.js';
import { fieldProblems } from '../../dialogs/versions/fieldProblems.js';
import { summarizeFunnel } from '../../metrics/funnel.js';
import { milestonesOf, type Milestones } from '../../metrics/milestones.js';
import { armMetricsVersion } from '../../metrics/armMetrics.js';
import { twoProportionTest } from '../../domain/experiments/twoProportionTest.js';
import type { TokenAuth } from '../auth.js';
import { answer } from '../httpErrors.js';
import { describeIssues } from '../../zodIssues.js';
import { VIEWERS } from './flowsFunnel.js';
import { EDITORS } from './flowsPublish.js';

const Version = z.string().regex(/^[0-9a-f]{6,64}$/, 'a flow version (hex content hash)');
const StartSchema = z.strictObject({
  candidate: Version,
  candidatePercent: z.number().int().min(1).max(99),
  /** Fixes every conversation's arm in advance (tests); random when absent. */
  seed: z.string().min(1).max(100).optional(),
});
const IdSchema = z.object({ id: z.string().regex(/^[0-9a-f]{8}$/, 'an experiment id') });

export interface ExperimentDeps {
  flows: Flows;
  auth: TokenAuth;
  logger: Logger;
  today: () => string;
}

export function experimentRoutes(server: Server, deps: ExperimentDeps): void {
  const { flows, auth, logger } = deps;
  const parse = <T>(schema: z.ZodType<T>, value: unknown, where: string): T => {
    const parsed = schema.safeParse(value ?? {});
    if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error, where));
    return parsed.data;
  };
  const experimentOf = async (params: unknown) => {
    const { id } = parse(IdSchema, params, 'path');
    const experiment = await flows.experiments.get(id);
    if (!experiment) throw new HttpError(404, `no experiment ${id}`);
    return experiment;
  };

  /** One arm's milestones over the experiment's days (or to today while it runs). */
  const armOf = async (experiment: Experiment, version: string): Promise<Milestones & { version: string }> => {
    const from = experiment.startedAt.slice(0, 10);
    const to = experiment.stoppedAt?.slice(0, 10) ?? deps.today();
    const counts = await flows.metrics.counts(armMetricsVersion(version, experiment.id), from, to);
    const graph = flowGraph((await flows.dialogs.get(version)).machine);
    return { version, ...milestonesOf(summarizeFunnel(graph, counts), counts) };
  };

  server.get(
    '/api/flows/experiments',
    answer(logger, async (req) => {
      auth.authorize(req, VIEWERS);
      const experiments = await flows.experiments.list();
      return [200, { running: experiments.find((e) => !e.stoppedAt)?.id ?? null, experiments }];
    }),
  );

  server.get(
    '/api/flows/experiments/:id/funnel',
    answer(logger, async (req) => {
      auth.authorize(req, VIEWERS);
      const experiment = await experimentOf(req.params);
      const [control, candidate] = await Promise.all([
        armOf(experiment, experiment.control),
        armOf(experiment, experiment.candidate),
      ]);
      const rateOf = (key: 'agreed' | 'escalated') =>
        twoProportionTest(
          { successes: control[key], trials: control.started },
          { successes: candidate[key], trials: candidate.started },
        );
      return [200, { experiment, control, candidate, agreement: rateOf('agreed'), escalation: rateOf('escalated') }];
    }),
  );

  server.post(
    '/api/flows/experiments',
    answer(logger, async (req) => {
      const editor = auth.authorize(req, EDITORS);
      const input = parse(StartSchema, req.body, 'body');
      const result = await flows.experiments.start(input, editor.id);
      if (result.ok) {
        const { id, control, candidate, candidatePercent } = result.experiment;
        logger.info({ by: editor.id, experiment: id, control, candidate, candidatePercent }, 'experiment started');
        return [201, result.experiment];
      }
      if (result.reason === 'running')
        throw new HttpError(409, `experiment ${result.running.id} is running: stop it before starting another`);
      if (result.reason === 'unknown') throw new HttpError(404, `no flow version ${result.version}`);
      return [
        422,
        {
          error: { code: 'XS_FLOW_INVALID', message: 'not started: a version of the experiment fails the check' },
          problems: fieldProblems(result.problems),
        },
      ];
    }),
  );

  server.post(
    '/api/flows/experiments/:id/stop',
    answer(logger, async (req) => {
      const editor = auth.authorize(req, EDITORS);
      const experiment = await experimentOf(req.params);
      const stopped = await flows.experiments.stop(experiment.id, editor.id);
      if (!stopped) throw new HttpError(409, `experiment ${experiment.id} is not running`);
      logger.info({ by: editor.id, experiment: stopped.id }, 'experiment stopped');
      return [200, stopped];
    }),
  );
}

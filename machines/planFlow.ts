// Loads dialogs/plan.flow.yaml and checks it: schema, named guards/actions/params, promises kept by a scheduled job, graph.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { checkStateGraph, type FlowProblem } from './flow.js';
import {
  FlowSchema,
  asTransitions,
  eachState,
  refName,
  refParams,
  type FlowConfig,
  type NamedRef,
} from './flowSchema.js';
import { createPlanMachine, PLAN_ACTION_NAMES, PLAN_GUARD_NAMES } from './plan.js';
import { PLAN_ACTION_PARAMS, PLAN_ACTION_PROMPTS } from './planActions.js';
import { JOB_KINDS, type JobKind } from './planSetup.js';

export interface LoadedPlanFlow {
  flow: FlowConfig;
  /** Prompt key → the job that keeps what it promises. */
  promises: Record<string, JobKind>;
  /** Every prompt key the plan can say (choices included). */
  promptKeys: Set<string>;
  /** The jobs some action of the flow schedules. */
  scheduled: Set<JobKind>;
}

const PromisesSchema = z.record(z.string().min(1), z.enum(JOB_KINDS)).default({});

export function checkPlanFlowText(text: string, file: string): { loaded?: LoadedPlanFlow; problems: FlowProblem[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, where: '(yaml)', message: e.message })),
    };
  const { promises: rawPromises, ...config } = (doc.toJS() ?? {}) as Record<string, unknown>;
  const promisesParsed = PromisesSchema.safeParse(rawPromises);
  const parsed = FlowSchema.safeParse(config);
  if (!parsed.success || !promisesParsed.success)
    return {
      problems: [...(parsed.error?.issues ?? []), ...(promisesParsed.error?.issues ?? [])].map((issue) => ({
        file,
        where: issue.path.filter((part) => part !== 'states').join('.') || '(root)',
        message: issue.message,
      })),
    };
  const flow = parsed.data as FlowConfig;
  const problems: FlowProblem[] = [];
  const report = (where: string, message: string) => problems.push({ file, where, message });
  const promptKeys = new Set<string>();
  const scheduled = new Set<JobKind>();
  const checkAction = (where: string, ref: NamedRef) => {
    const name = refName(ref);
    if (!PLAN_ACTION_NAMES.has(name))
      return report(where, `unknown action "${name}" (known: ${[...PLAN_ACTION_NAMES].join(', ')})`);
    const schema = (PLAN_ACTION_PARAMS as Record<string, z.ZodType>)[name];
    const params = refParams(ref);
    if (schema) {
      const result = schema.safeParse(params);
      if (!result.success)
        return report(
          where,
          `action "${name}" has bad params: ${result.error.issues.map((i) => i.message).join('; ')}`,
        );
    }
    for (const key of PLAN_ACTION_PROMPTS[name] ?? []) promptKeys.add(key);
    const p = (params ?? {}) as { key?: string; choices?: string[]; job?: JobKind };
    if (name === 'say' && p.key) {
      promptKeys.add(p.key);
      for (const choice of p.choices ?? []) promptKeys.add(`choice.${choice}`);
    }
    if (name === 'schedule' && p.job) scheduled.add(p.job);
    if (name === 'recordPromise') scheduled.add('promiseDue');
  };
  eachState(flow, (where, state) => {
    for (const ref of [...(state.entry ?? []), ...(state.exit ?? [])]) checkAction(where, ref);
    for (const transition of [
      ...Object.values(state.on ?? {}).flatMap(asTransitions),
      ...asTransitions(state.always),
    ]) {
      if (transition.guard && !PLAN_GUARD_NAMES.has(refName(transition.guard)))
        report(where, `unknown guard "${refName(transition.guard)}" (known: ${[...PLAN_GUARD_NAMES].join(', ')})`);
      for (const ref of transition.actions ?? []) checkAction(where, ref);
    }
  });
  const promises = promisesParsed.data;
  for (const [key, job] of Object.entries(promises))
    if (!scheduled.has(job))
      report(`promise ${key}`, `promises a ${job}, but no action of this flow schedules a ${job} job`);
  if (problems.length === 0) {
    try {
      checkStateGraph(createPlanMachine(flow).root, report);
    } catch (error) {
      report('(root)', `XState rejected the config: ${(error as Error).message}`);
    }
  }
  return { loaded: { flow, promises, promptKeys, scheduled }, problems };
}

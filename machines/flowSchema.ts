// The shape of dialogs/negotiation.flow.yaml: the subset of an XState config a flow may use.
import { z } from 'zod';

export const NamedRefSchema = z.union([
  z.string().min(1),
  z.object({ type: z.string().min(1), params: z.unknown().optional() }).strict(),
]);
export type NamedRef = z.infer<typeof NamedRefSchema>;

export const TransitionSchema = z
  .object({
    target: z.string().min(1).optional(),
    guard: NamedRefSchema.optional(),
    actions: z.array(NamedRefSchema).optional(),
    description: z.string().optional(),
    reenter: z.boolean().optional(),
  })
  .strict();
export type TransitionConfig = z.infer<typeof TransitionSchema>;

export const TransitionsSchema = z.union([z.string().min(1), TransitionSchema, z.array(TransitionSchema)]);
export type TransitionsConfig = z.infer<typeof TransitionsSchema>;

export interface StateConfig {
  description?: string;
  type?: 'atomic' | 'compound' | 'final';
  initial?: string;
  entry?: NamedRef[];
  exit?: NamedRef[];
  tags?: string[];
  on?: Record<string, TransitionsConfig>;
  always?: TransitionsConfig;
  states?: Record<string, StateConfig>;
}

export const StateSchema: z.ZodType<StateConfig> = z.lazy(() =>
  z
    .object({
      description: z.string().optional(),
      type: z.enum(['atomic', 'compound', 'final']).optional(),
      initial: z.string().min(1).optional(),
      entry: z.array(NamedRefSchema).optional(),
      exit: z.array(NamedRefSchema).optional(),
      tags: z.array(z.string().regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)*$/, 'a tag such as resume.offers')).optional(),
      on: z
        .record(
          z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, 'a dotted event name such as offer.accepted'),
          TransitionsSchema,
        )
        .optional(),
      always: TransitionsSchema.optional(),
      states: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a camelCase state name'), StateSchema).optional(),
    })
    .strict(),
);

export const FlowSchema = z.intersection(z.object({ id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/) }), StateSchema);
export type FlowConfig = StateConfig & { id: string };

/** Visits every state config with its dotted path (`conversation.interview.askingIncome`). */
export function eachState(state: StateConfig, visit: (path: string, state: StateConfig) => void, path = ''): void {
  visit(path || '(root)', state);
  for (const [name, child] of Object.entries(state.states ?? {}))
    eachState(child, visit, path ? `${path}.${name}` : name);
}

export function asTransitions(config: TransitionsConfig | undefined): TransitionConfig[] {
  if (config === undefined) return [];
  if (typeof config === 'string') return [{ target: config }];
  return Array.isArray(config) ? config : [config];
}

export function refName(ref: NamedRef): string {
  return typeof ref === 'string' ? ref : ref.type;
}

export function refParams(ref: NamedRef): unknown {
  return typeof ref === 'string' ? undefined : ref.params;
}

// Placeholders that parts of the service other than the turn renderer fill in, by prompt group.
import { PROMPT_VARIABLES } from '../promptVariables.js';

/**
 * A feature that says prompts of its own group (`handoff.agentJoined`) with placeholders of its
 * own declares them here, so `flows check` knows `{agentName}` is filled in for that group only.
 */
export const GROUP_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  handoff: ['agentName', 'text', 'position', 'minutes'],
  // src/followup/planMessages.ts
  plan: [
    'instalment',
    'amount',
    'dueDate',
    'paid',
    'left',
    'nextLine',
    'promiseWithin',
    'promiseExample',
    'promiseBy',
    'promiseLatest',
    'dueDay',
    'count',
    'paidCount',
    'status',
  ],
};

/** The placeholders a prompt key may use: the turn's variables plus its group's own. */
export function variablesFor(key: string): ReadonlySet<string> {
  return new Set([...PROMPT_VARIABLES, ...(GROUP_VARIABLES[key.split('.')[0] ?? ''] ?? [])]);
}

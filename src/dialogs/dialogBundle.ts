// A version of dialogs/: flow, machine, policy, prompts and lexicons, checked together and hashed.
import type { Locale } from '../domain/account.js';
import type { NegotiationMachine } from '../../machines/negotiation.js';
import type { PlanMachine } from '../../machines/plan.js';
import type { JobKind } from '../../machines/planSetup.js';
import type { ConversationLimits, OfferRules } from '../../machines/negotiationSetup.js';
import type { FlowConfig } from '../../machines/flowSchema.js';
import type { Lexicon } from './lexicon.js';
import type { PolicyFigures } from './promptVariables.js';
import type { CannedReply } from './cannedReplies.js';
import type { FaqEntry } from './faq.js';
import type { Prompts } from './prompts.js';
import type { OfferPolicy } from '../domain/offers/offerPolicy.js';

export interface DialogBundle {
  /** Content hash of every file in the bundle; a conversation keeps the version it started on. */
  version: string;
  flow: FlowConfig;
  machine: NegotiationMachine;
  /** The plan lifecycle (dialogs/plan.flow.yaml) and the prompts whose promises its jobs keep. */
  plan: { flow: FlowConfig; machine: PlanMachine; promises: Record<string, JobKind> };
  /** The offer policy of this version: the rules below and the agents' authority come from it. */
  policy: OfferPolicy;
  rules: OfferRules;
  limits: ConversationLimits & { reorientAfterMinutes: number };
  figures: PolicyFigures;
  prompts: Record<Locale, Prompts>;
  lexicons: Record<Locale, Lexicon>;
  /** The agents' canned replies per locale (dialogs/desk/canned/). */
  canned: Partial<Record<Locale, CannedReply[]>>;
  /** Questions answered mid-flow, per locale (dialogs/faq/); their answers are also the prompts `faq.<id>`. */
  faq: Partial<Record<Locale, FaqEntry[]>>;
}

/** The bundles in use: the current one for new conversations, older ones while conversations use them. */
export interface DialogRegistry {
  current(): DialogBundle;
  /** The bundle a conversation started on (loaded from the version store on demand); the current one if that version is gone. */
  get(version: string): Promise<DialogBundle>;
}

export function staticRegistry(bundle: DialogBundle): DialogRegistry {
  return { current: () => bundle, get: async () => bundle };
}

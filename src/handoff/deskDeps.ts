// What every desk operation needs, and the small rules they share: who holds a case, transcript entries by an agent.
import type { FlowMetrics } from '../metrics/flowMetrics.js';
import type { Logger } from 'pino';
import type { DialogBundle, DialogRegistry } from '../dialogs/dialogBundle.js';
import { fillTemplate } from '../dialogs/prompts.js';
import type { CaseRecord } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { HttpError } from '../errors.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { CaseStore, HandoffQueue } from '../store/caseStore.js';
import type { CaseEvents } from './caseEvents.js';
import type { DeskIndex } from './deskIndex.js';
import type { Presence } from './presence.js';
import type { PaymentLedger } from '../store/paymentLedger.js';

export interface DeskAgent {
  id: string;
  name: string;
  role: string;
}

/** The desk's line to the borrower's own channel, reached proactively (implemented with botbuilder in src/bot/borrowerLine.ts). */
export interface BorrowerLine {
  send(reference: Record<string, unknown>, messages: readonly OutgoingMessage[], senderName?: string): Promise<void>;
  status(reference: Record<string, unknown>, state: 'accepted' | 'completed'): Promise<void>;
}

export interface DeskDeps {
  store: CaseStore;
  queue: HandoffQueue;
  events: CaseEvents;
  /** Summaries of every case the desk has seen: views and search. */
  index: DeskIndex;
  /** Everyone who may work the desk (agents and supervisors), for transfers and the supervisor view. */
  staff: readonly DeskAgent[];
  /** Agents with a console open right now (on this instance). */
  presence: Presence;
  line: BorrowerLine;
  dialogs: DialogRegistry;
  /** The lender's payments, shown with the case's account. */
  payments: PaymentLedger;
  clock: () => Date;
  logger: Logger;
  /** Starts the plan of an agreement the desk recorded, as the bot's agreements do (src/followup/planFollowUp.ts). */
  followUp?: { agreed(caseId: string): Promise<void> };
  /** The /flows funnel: an agent's agreement or close is counted like the bot's. */
  flowMetrics?: FlowMetrics;
}

/** Throws 409 unless the case is escalated and held by this agent (a supervisor may act on any claimed case). */
export function assertHolds(record: CaseRecord, agent: DeskAgent): void {
  if (record.status !== 'escalated' || !record.handoff)
    throw new HttpError(409, `case ${record.caseId} is ${record.status}, not with the desk`);
  const holder = record.handoff.agentId;
  if (!holder) throw new HttpError(409, `case ${record.caseId} is waiting in the queue: claim it first`);
  if (holder !== agent.id && agent.role !== 'supervisor')
    throw new HttpError(409, `case ${record.caseId} is held by ${holder}`);
}

/** Throws 409 unless the borrower passed the identity check: no offer or agreement for someone unverified. */
export function assertVerified(record: CaseRecord): void {
  if (record.identityVerified !== true)
    throw new HttpError(
      409,
      `case ${record.caseId}: the borrower's identity is not verified — hand the case back so the bot checks it first`,
    );
}

export function agentEntry(
  record: CaseRecord,
  agent: DeskAgent,
  at: string,
  kind: 'message' | 'event',
  text: string,
  data?: Record<string, unknown>,
): TranscriptEntry {
  return { at, actor: 'agent', actorId: agent.id, channelId: record.channelId, kind, text, ...(data ? { data } : {}) };
}

export function bundleOf(deps: Pick<DeskDeps, 'dialogs'>, record: CaseRecord): Promise<DialogBundle> {
  return deps.dialogs.get(record.flowVersion);
}

/** A desk message in the borrower's language, from a `handoff.*` prompt. */
export function deskMessage(
  bundle: DialogBundle,
  record: CaseRecord,
  key: string,
  vars: Record<string, string | number>,
): OutgoingMessage {
  const template = bundle.prompts[record.locale].get(key) ?? key;
  return { type: 'message', locale: record.locale, text: fillTemplate(template, vars) };
}

/** The record once the desk lets go of it: no handoff, so the bot speaks again. */
export function withoutHandoff(record: CaseRecord): CaseRecord {
  const { handoff: _released, ...rest } = record;
  return rest;
}

/** Delivers to the borrower after the commit; a channel that fails is logged and reported, the case stays as committed. */
export async function deliver(deps: DeskDeps, record: CaseRecord, send: () => Promise<void>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    deps.logger.error(
      { err, caseId: record.caseId, channelId: record.channelId },
      'desk: could not reach the borrower',
    );
    return false;
  }
}

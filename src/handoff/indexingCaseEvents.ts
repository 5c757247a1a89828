// Keeps the desk index in step with the desk: every event published first updates the case's summary, and says who may hear it.
import type { CaseRecord } from '../domain/case.js';
import { maskName } from '../domain/maskPersonalData.js';
import { tierOf } from '../domain/tier.js';
import type { CaseStore } from '../store/caseStore.js';
import { audienceOf } from './caseAccess.js';
import type { CaseEvent, CaseEventListener, CaseEvents } from './caseEvents.js';
import type { DeskCase, DeskIndex } from './deskIndex.js';
import { negotiationFacts } from './negotiationFacts.js';

export class IndexingCaseEvents implements CaseEvents {
  constructor(
    private readonly inner: CaseEvents,
    private readonly index: DeskIndex,
    private readonly store: CaseStore,
  ) {}

  async publish(event: CaseEvent): Promise<void> {
    const [{ record }, previous] = await Promise.all([this.store.load(event.caseId), this.index.get(event.caseId)]);
    const summary = record ? summarize(previous, record, event) : undefined;
    if (summary) await this.index.put(summary);
    await this.inner.publish({ ...event, ...audienceOf(summary ?? previous) });
  }

  subscribe(listener: CaseEventListener): () => void {
    return this.inner.subscribe(listener);
  }

  ready(): Promise<void> {
    return this.inner.ready();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

const latest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** The summary after `event`; undefined for a case that never reached the desk. */
function summarize(previous: DeskCase | undefined, record: CaseRecord, event: CaseEvent): DeskCase | undefined {
  const handoff = record.handoff ?? previous;
  if (!handoff) return undefined;
  const account = negotiationFacts(record.snapshot).account;
  const entries = event.entries ?? [];
  const agentMessages =
    event.type === 'transcript.appended' && event.agentId
      ? entries.filter((e) => e.actor === 'agent' && e.kind === 'message')
      : [];
  const ended = record.status === 'agreed' || record.status === 'closed';
  const released = event.type === 'case.released' && event.agentId;
  return {
    caseId: record.caseId,
    status: record.status,
    locale: record.locale,
    reason: handoff.reason,
    priority: handoff.priority,
    queuedAt: handoff.queuedAt,
    // Who holds it; an ended case keeps who worked it last, so "mine" and the supervisor find it.
    ...optional('agentId', record.handoff ? record.handoff.agentId : ended ? previous?.agentId : undefined),
    ...optional('forSupervisors', record.handoff?.forSupervisors),
    ...optional('accountRef', record.accountRef),
    ...optional('borrowerName', account ? maskName(account.borrower.name) : previous?.borrowerName),
    ...optional('tier', account ? tierOf(account.daysPastDue) : previous?.tier),
    ...optional('reference', record.agreementRef),
    ...optional('outcome', released ? event.detail : ended ? previous?.outcome : undefined),
    ...optional('claimedAt', record.handoff?.claimedAt ?? (ended ? previous?.claimedAt : undefined)),
    ...optional('firstResponseAt', previous?.firstResponseAt ?? agentMessages[0]?.at),
    ...optional(
      'lastBorrowerAt',
      latest(previous?.lastBorrowerAt, entries.filter((e) => e.actor === 'borrower').at(-1)?.at),
    ),
    ...optional('lastAgentAt', latest(previous?.lastAgentAt, agentMessages.at(-1)?.at)),
    ...optional('closedBy', released ? event.agentId : ended ? previous?.closedBy : undefined),
    ...optional('closedAt', released ? event.at : ended ? previous?.closedAt : undefined),
    ...optional('rating', record.survey?.rating),
    ...optional('ratedAgentId', record.survey?.rating ? record.survey.agentId : undefined),
    updatedAt: event.at,
  };
}

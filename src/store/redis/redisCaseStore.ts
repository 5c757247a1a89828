// Cases, transcripts, agreements and de-duplication in Redis: one script to load, one to commit.
import { Cluster } from 'ioredis';
import { z } from 'zod';
import { AccountSchema, type Account, type Locale } from '../../domain/account.js';
import {
  AgreementCancellationSchema,
  AgreementSchema,
  CaseRecordSchema,
  type Agreement,
  type AgreementCancellation,
  type CaseRecord,
} from '../../domain/case.js';
import { TranscriptEntrySchema, type TranscriptEntry } from '../../domain/transcript.js';
import { XieshangError } from '../../errors.js';
import {
  isWaiting,
  type CaseCommit,
  type CaseStore,
  type CommitResult,
  type LoadedCase,
  type WaitingMark,
} from '../caseStore.js';
import type { CaseRetention } from '../caseRetention.js';
import { refKey } from '../accountDirectory.js';
import { ACCOUNT_KEYS, QUEUE_KEYS, caseKeys, outboxKeys } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import {
  CommitReplySchema,
  LoadReplySchema,
  LoadWithAccountReplySchema,
  TranscriptReplySchema,
  defineScripts,
} from './scripts.js';
import { decodeCaseValue, encodeCaseRecord, encodeCaseValue } from './caseCodec.js';
import { agreementByRecipe, agreementWithSchedule } from '../compactOfferSnapshots.js';
import { compactTranscript } from './transcriptCompaction.js';
import { RecentlyDecoded } from '../recentlyDecoded.js';

export interface RedisCaseStoreOptions {
  /** How long a processed activity id is remembered; default 24 h. */
  dedupeTtlSeconds?: number;
  /**
   * When set, a case (its record, transcript and agreement) expires this long after its last commit, by the state
   * that commit left it in. Unset: kept.
   */
  retention?: CaseRetention;
  /** Told when a finished negotiation's transcript could not be compacted (it stays listed; a later commit retries). */
  onCompactionFailed?: (caseId: string, error: unknown) => void;
  /**
   * How many cases (and as many accounts) are kept decoded beside their stored bytes, so that a turn loading what this
   * process committed or read last does not inflate, parse and check it again; default 1 000, 0 = none.
   */
  recentCases?: number;
}

const DEFAULT_RECENT_CASES = 1_000;

/** Each element of the transcript list holds the entries one commit appended. */
const TurnEntriesSchema = z.array(TranscriptEntrySchema);

/**
 * `load` and `commit` are one round trip each, so an ordinary turn costs two; `stats` counts them, and the transcripts
 * compacted (see transcriptCompaction.ts) or left listed because compacting failed.
 */
export class RedisCaseStore implements CaseStore {
  readonly stats = { roundTrips: 0, compactions: 0, compactionsFailed: 0 };
  private readonly dedupeTtlMs: number;
  private readonly retention: CaseRetention | undefined;
  /** Outside Cluster the load script also reads the case's account (another hash tag, so another slot on Cluster). */
  private readonly loadsAccount: boolean;
  private readonly recentRecords: RecentlyDecoded<CaseRecord>;
  private readonly recentAccounts: RecentlyDecoded<Account>;

  /** `close()` closes the connection, which the handoff queue may share: close the store last. */
  constructor(
    private readonly connection: RedisConnection,
    private readonly options: RedisCaseStoreOptions = {},
  ) {
    this.dedupeTtlMs = wholePositive('dedupeTtlSeconds', options.dedupeTtlSeconds ?? 24 * 3600) * 1000;
    this.retention = options.retention;
    this.loadsAccount = !(connection.client instanceof Cluster);
    this.recentRecords = new RecentlyDecoded(options.recentCases ?? DEFAULT_RECENT_CASES);
    this.recentAccounts = new RecentlyDecoded(options.recentCases ?? DEFAULT_RECENT_CASES);
    defineScripts(connection.client);
  }

  async load(caseId: string, activityId?: string): Promise<LoadedCase> {
    if (this.loadsAccount) return this.loadWithAccount(caseId, activityId);
    const keys = caseKeys(caseId);
    const reply = await this.call('load', () =>
      this.connection.client.xsLoadBuffer(keys.record, keys.seen, activityId ?? ''),
    );
    const [version, recordJson, duplicate] = LoadReplySchema.parse(reply);
    return {
      record: recordJson === null ? undefined : this.record(caseId, recordJson),
      version: version === null ? 0 : Number(version),
      duplicate: duplicate === 1,
    };
  }

  /** The case and its account in one round trip: a turn needs no read of the account directory of its own. */
  private async loadWithAccount(caseId: string, activityId?: string): Promise<LoadedCase> {
    const keys = caseKeys(caseId);
    const reply = await this.call('load', () =>
      this.connection.client.xsLoadWithAccountBuffer(keys.record, keys.seen, ACCOUNT_KEYS.data, activityId ?? ''),
    );
    const [version, recordJson, duplicate, accountRef, accountJson] = LoadWithAccountReplySchema.parse(reply);
    return {
      record: recordJson === null ? undefined : this.record(caseId, recordJson),
      version: version === null ? 0 : Number(version),
      duplicate: duplicate === 1,
      ...(accountRef === null
        ? {}
        : {
            account: {
              accountRef: accountRef.toString('utf8'),
              account:
                accountJson === null ? undefined : this.account(accountRef.toString('utf8'), accountJson, caseId),
            },
          }),
    };
  }

  private record(caseId: string, stored: Buffer): CaseRecord {
    return this.recentRecords.read(caseId, stored, () => parseStored(CaseRecordSchema, stored, `case ${caseId}`));
  }

  private account(accountRef: string, stored: Buffer, caseId: string): Account {
    return this.recentAccounts.read(accountRef, stored, () =>
      parseStored(AccountSchema, stored, `account of case ${caseId}`),
    );
  }

  async commit(commit: CaseCommit): Promise<CommitResult> {
    const keys = caseKeys(commit.caseId);
    const retention = this.retention ? wholePositive('retention', this.retention(commit.record.status)) : 0;
    // Marked before the commit (the queue's slot is not the case's): a crash after it cannot hide a waiting case.
    if (isWaiting(commit.record))
      await this.call('mark waiting', () =>
        this.connection.client.zadd(QUEUE_KEYS.waiting, String(Date.now()), commit.caseId),
      );
    const locale = commit.record.locale;
    // The negotiation is over (with the desk, agreed, closed): the transcript may be compacted. Not on the commit that
    // records an agreement: the plan's start commits right after it (src/followup/planFollowUp.ts), compacting once.
    const compact = commit.record.status !== 'active' && !commit.agreement;
    const storedRecord = encodeCaseRecord(commit.record);
    const args = [
      commit.expectedVersion,
      storedRecord,
      commit.activityId ?? '',
      commit.agreement ? encodeCaseValue(agreementByRecipe(commit.agreement), locale) : '',
      this.dedupeTtlMs,
      retention,
      commit.outbox?.length ?? 0,
      commit.cancellation ? encodeCaseValue(commit.cancellation, locale) : '',
      commit.record.accountRef ? refKey(commit.record.accountRef) : '',
      compact ? '1' : '',
      ...(commit.outbox ?? []).map((event) => JSON.stringify(event)),
      // One list element per commit: the turn's entries together compress far better than one by one.
      ...(commit.append.length > 0 ? [encodeCaseValue(commit.append, locale)] : []),
    ];
    const outbox = outboxKeys(commit.caseId).events;
    const reply = await this.call('commit', () =>
      this.connection.client.xsCommitBuffer(
        keys.record,
        keys.transcript,
        keys.agreement,
        keys.seen,
        outbox,
        keys.laterAgreements,
        keys.cancellations,
        ...args,
      ),
    );
    const parsed = CommitReplySchema.parse(reply);
    if (parsed[0] !== 1) return { ok: false, reason: 'conflict' };
    this.recentRecords.remember(commit.caseId, storedRecord, commit.record);
    if (parsed.length > 2) {
      const [, , compacted, stored, ...listed] = parsed as [number, number, number, Buffer, ...Buffer[]];
      await this.compact(commit.caseId, locale, compacted, stored, listed);
    }
    return { ok: true, version: parsed[1] };
  }

  /**
   * Rewrites the case's transcript as one value (what the commit just returned): a failure leaves it listed, as it was,
   * for a later commit to compact. The commit has succeeded whatever happens here.
   */
  private async compact(caseId: string, locale: Locale, compacted: number, stored: Buffer, listed: Buffer[]) {
    const keys = caseKeys(caseId);
    try {
      const value = compactTranscript(stored, listed, locale);
      if (value === undefined) throw new Error(`transcript ${caseId}: a listed commit is not a list of entries`);
      const done = await this.call('compact', () =>
        this.connection.client.xsCompact(keys.record, keys.transcript, compacted, listed.length, value),
      );
      if (done === 1) this.stats.compactions += 1;
    } catch (error) {
      this.stats.compactionsFailed += 1;
      this.options.onCompactionFailed?.(caseId, error);
    }
  }

  async transcript(caseId: string): Promise<TranscriptEntry[]> {
    const keys = caseKeys(caseId);
    const reply = await this.call('transcript', () =>
      this.connection.client.xsTranscriptBuffer(keys.record, keys.transcript),
    );
    const [compacted, ...listed] = TranscriptReplySchema.parse(reply);
    return [
      ...(compacted.length > 0 ? parseStored(TurnEntriesSchema, compacted, `transcript ${caseId} compacted`) : []),
      ...listed.flatMap((stored, index) =>
        parseStored(TurnEntriesSchema, stored, `transcript ${caseId} listed commit ${index}`),
      ),
    ];
  }

  async agreement(caseId: string): Promise<Agreement | undefined> {
    const keys = caseKeys(caseId);
    const later = await this.call('agreement', () => this.connection.client.lindexBuffer(keys.laterAgreements, -1));
    const json = later ?? (await this.call('agreement', () => this.connection.client.getBuffer(keys.agreement)));
    return json === null ? undefined : parseStored(AgreementSchema, json, `agreement ${caseId}`, agreementWithSchedule);
  }

  async cancellations(caseId: string): Promise<AgreementCancellation[]> {
    const key = caseKeys(caseId).cancellations;
    const stored = await this.call('cancellations', () => this.connection.client.lrangeBuffer(key, 0, -1));
    return stored.map((json, index) =>
      parseStored(AgreementCancellationSchema, json, `cancellation ${caseId} #${index}`),
    );
  }

  async erase(caseId: string): Promise<void> {
    const keys = caseKeys(caseId);
    const outbox = outboxKeys(caseId);
    this.recentRecords.forget(caseId);
    await this.call('erase', () => this.connection.client.del(...Object.values(keys), ...Object.values(outbox)));
  }

  async waitingMarks(): Promise<WaitingMark[]> {
    const flat = await this.call('waiting marks', () =>
      this.connection.client.zrange(QUEUE_KEYS.waiting, '0', '-1', 'WITHSCORES'),
    );
    const marks: WaitingMark[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) marks.push({ caseId: flat[i]!, markedAt: Number(flat[i + 1]) });
    return marks;
  }

  async unmarkWaiting(marks: readonly WaitingMark[]): Promise<void> {
    if (marks.length === 0) return;
    const args = marks.flatMap((mark) => [mark.caseId, String(mark.markedAt)]);
    await this.call('unmark waiting', () => this.connection.client.xsUnmark(QUEUE_KEYS.waiting, ...args));
  }

  async ping(): Promise<void> {
    await this.call('ping', () => this.connection.client.ping());
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private call<T>(action: string, run: () => Promise<T>): Promise<T> {
    this.stats.roundTrips += 1;
    return this.connection.guard(action, run);
  }
}

/**
 * Data read back is checked like any other input (after `restore` undoes what was stored compactly): a bad value names
 * the key it came from.
 */
function parseStored<T>(
  schema: z.ZodType<T>,
  stored: Buffer,
  what: string,
  restore: (value: unknown) => unknown = (value) => value,
): T {
  let value: unknown;
  try {
    value = restore(JSON.parse(decodeCaseValue(stored)));
  } catch (err) {
    throw new XieshangError('XS_SNAPSHOT_INVALID', `stored ${what} is not JSON`, { cause: err });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new XieshangError('XS_SNAPSHOT_INVALID', `stored ${what} is invalid: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  return parsed.data;
}

function wholePositive(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new XieshangError(
      'XS_CONFIG_INVALID',
      `RedisCaseStore ${name} ${value}: must be a positive whole number of seconds`,
    );
  return value;
}

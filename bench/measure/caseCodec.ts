// Micro-benchmark of how the Redis case store encodes a case (src/store/redis/caseCodec.ts): CPU µs per call and bytes
// for each candidate setting, over the values three recorded negotiations committed (fixtures/negotiations.json: the
// demo negotiation to an agreement, the same borrower choosing the waiver plan, one escalated to a person).
// Run: npx tsx bench/measure/caseCodec.ts   (CPU time of this process, best of several rounds: others' load adds noise)
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { CASE_DICTIONARIES_V1 } from '../../src/store/redis/caseDictionaries.js';
import { RECORD_DICTIONARY_V1 } from '../../src/store/redis/recordDictionary.js';
import { offerByRecipe } from '../../src/store/compactOfferSnapshots.js';
import { encodeCaseRecord, encodeCaseValue } from '../../src/store/redis/caseCodec.js';
import { compactTranscript } from '../../src/store/redis/transcriptCompaction.js';

interface Commit {
  record: unknown;
  append: unknown[];
  agreement?: { offer: unknown };
}
const negotiations = JSON.parse(
  readFileSync(new URL('./fixtures/negotiations.json', import.meta.url), 'utf8'),
) as Record<string, Commit[]>;

const ROUNDS = 7;
const bytes = (stored: Buffer | string) => (typeof stored === 'string' ? Buffer.from(stored, 'utf8') : stored);
const LOCALE_DICTIONARY = Buffer.from(CASE_DICTIONARIES_V1['zh-CN'], 'utf8');
const RECORD_DICTIONARY = Buffer.from(RECORD_DICTIONARY_V1, 'utf8');

/** CPU µs per call of `run` over `values`, the best of ROUNDS rounds. */
function cpuPerCall(values: readonly Buffer[], run: (value: Buffer) => void, perRound = 3000, rounds = ROUNDS): number {
  const calls = Math.max(1, Math.ceil(perRound / values.length));
  for (let i = 0; i < Math.min(100, calls); i++) for (const value of values) run(value);
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) for (const value of values) run(value);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / (calls * values.length));
  }
  return best;
}

function row(what: string, setting: string, values: readonly string[], options: ZlibOptions): void {
  const inputs = values.map((value) => Buffer.from(value, 'utf8'));
  const outputs = inputs.map((input) => deflateRawSync(input, options));
  const deflateUs = cpuPerCall(inputs, (input) => deflateRawSync(input, options));
  const inflateOptions = options.dictionary ? { dictionary: options.dictionary } : {};
  const inflateUs = cpuPerCall(outputs, (output) => inflateRawSync(output, inflateOptions));
  // +1: the format byte in front of every stored value.
  const bytes = outputs.reduce((sum, output) => sum + output.length + 1, 0);
  const last = outputs.at(-1)!.length + 1;
  console.info(
    `${what.padEnd(26)} ${setting.padEnd(24)} ${String(values.length).padStart(5)} ${String(bytes).padStart(7)} ${String(last).padStart(6)} ${deflateUs.toFixed(1).padStart(9)} ${inflateUs.toFixed(1).padStart(9)}`,
  );
}

console.info(`${'value'.padEnd(26)} ${'setting'.padEnd(24)} calls   bytes   last  µs/encode µs/decode`);
for (const [name, commits] of Object.entries(negotiations)) {
  const records = commits.map((commit) => JSON.stringify(commit.record));
  const turns = commits.filter((commit) => commit.append.length > 0).map((commit) => JSON.stringify(commit.append));
  const transcript = [JSON.stringify(commits.flatMap((commit) => commit.append))];
  console.info(`-- ${name}: ${commits.length} commits`);
  row('record, each commit', 'today: L6, no dictionary', records, { level: 6 });
  for (const level of [1, 3, 6])
    row('record, each commit', `L${level} record dictionary`, records, { level, dictionary: RECORD_DICTIONARY });
  for (const level of [1, 6])
    row('entries, each commit', `L${level} locale dictionary`, turns, { level, dictionary: LOCALE_DICTIONARY });
  for (const level of [1, 6, 9])
    row('transcript, one value', `L${level} locale dictionary`, transcript, { level, dictionary: LOCALE_DICTIONARY });
  const agreement = commits.find((commit) => commit.agreement)?.agreement;
  if (agreement) {
    row('agreement', 'today: with its schedule', [JSON.stringify(agreement)], {
      level: 6,
      dictionary: LOCALE_DICTIONARY,
    });
    const byRecipe = { ...agreement, offer: offerByRecipe(agreement.offer) };
    row('agreement', 'offer by recipe', [JSON.stringify(byRecipe)], { level: 6, dictionary: LOCALE_DICTIONARY });
  }
}

// What the store spends encoding one whole negotiation, before and after: every commit's record and entries and the
// agreement; and, once, the compaction of the finished negotiation's transcript. Measured in alternation (the best of
// many short rounds each), so that the machine's other load falls on both alike.
function alternating(runs: Record<string, () => void>, rounds = 40, calls = 20): Record<string, number> {
  const best: Record<string, number> = {};
  for (const run of Object.values(runs)) for (let i = 0; i < calls; i++) run();
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of Object.entries(runs)) {
      const start = process.cpuUsage();
      for (let i = 0; i < calls; i++) run();
      const used = process.cpuUsage(start);
      best[name] = Math.min(best[name] ?? Infinity, (used.user + used.system) / calls);
    }
  return best;
}

console.info('\n-- per negotiation, µs of CPU (the store as it was, and as it is)');
for (const [name, commits] of Object.entries(negotiations)) {
  const listed = commits
    .filter((commit) => commit.append.length > 0)
    .map((commit) => bytes(encodeCaseValue(commit.append, 'zh-CN')));
  const ended = commits.some((commit) => (commit.record as { status: string }).status !== 'active');
  const best = alternating({
    before: () => {
      for (const commit of commits) {
        deflateRawSync(JSON.stringify(commit.record), { level: 6 });
        if (commit.append.length > 0)
          deflateRawSync(JSON.stringify(commit.append), { level: 6, dictionary: LOCALE_DICTIONARY });
        if (commit.agreement)
          deflateRawSync(JSON.stringify(commit.agreement), { level: 6, dictionary: LOCALE_DICTIONARY });
      }
    },
    after: () => {
      for (const commit of commits) {
        encodeCaseRecord(commit.record);
        if (commit.append.length > 0) encodeCaseValue(commit.append, 'zh-CN');
        if (commit.agreement)
          encodeCaseValue({ ...commit.agreement, offer: offerByRecipe(commit.agreement.offer) }, 'zh-CN');
      }
    },
    compaction: () => {
      if (ended) compactTranscript(Buffer.alloc(0), listed, 'zh-CN');
    },
  });
  console.info(
    `${name.padEnd(16)} ${commits.length} commits: encodes before ${best.before!.toFixed(0)}, after ${best.after!.toFixed(0)}; ` +
      `the compaction once ${ended ? best.compaction!.toFixed(0) : '–'}`,
  );
}

// Borrowers' own ways of writing dates, amounts, durations, reasons and distress, through real HTTP in three locales.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { UNDERSTANDING, type UnderstandingScript } from './understandingScripts.js';

describe.each(STORE_KINDS)('understanding on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  const talk = (script: UnderstandingScript, lines: readonly Line[]) =>
    converse(service.borrower({ locale: script.locale }), lines);

  describe.each(UNDERSTANDING)('$locale', (script) => {
    it.each(script.birthDates)('birth date %j – identity confirmed', async (typed) => {
      await talk(script, [...script.toBirthDate, [typed, script.says.verified]]);
    });

    it('a date whose day and month could be swapped – asked again, never a failed check', async () => {
      const [ambiguous, clear] = script.ambiguousDate;
      await talk(script, [
        ...script.toBirthDate,
        [ambiguous, script.says.dateAmbiguous],
        [clear, script.says.verified],
      ]);
    });

    it.each(script.durations)('duration %j – understood as %s', async (typed, next) => {
      await talk(script, [...script.toDuration, [typed, next]]);
    });

    it.each(script.amounts)('income %j – read, the next question asked', async (typed, readBack) => {
      await talk(script, [...script.toIncome, [typed, [readBack, script.says.askSpending]]]);
    });

    it.each(script.distress)('distress %j – a person, collection paused', async (typed) => {
      await talk(script, [...script.toDuration, [typed, script.says.vulnerability]]);
    });
  });
});

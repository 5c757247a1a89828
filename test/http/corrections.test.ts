// Never a silent guess: ranges said back at their conservative end, "nobody" as none, disputes seen, corrections applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { CORRECTIONS, type CorrectionScript } from './correctionScripts.js';

describe.each(STORE_KINDS)('ranges, negations and corrections on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  const talk = (script: CorrectionScript, lines: readonly Line[]) =>
    converse(service.borrower({ locale: script.locale }), lines);
  const toIncome = (script: CorrectionScript): Line[] => [...script.toRecovery, ['3', script.says.askIncome]];
  const toDependants = (script: CorrectionScript): Line[] => [...script.toRecovery, ...script.toDependants];

  describe.each(CORRECTIONS)('$locale', (script) => {
    it.each(script.ranges)('range %j – kept at its conservative end and said back: %j', async (typed, readBack) => {
      await talk(script, [
        ...script.toRecovery,
        [typed, [readBack, script.says.askIncome]],
        [script.yes, script.says.askIncome],
      ]);
    });

    it.each(script.nobody)('%j to the dependants question – none, said back', async (typed) => {
      await talk(script, [...toDependants(script), [typed, [script.says.noDependants, script.says.askStatedMonthly]]]);
    });

    it.each(script.disputes)('%j – a dispute, collection paused', async (typed) => {
      await talk(script, [...toIncome(script), [typed, script.says.dispute]]);
    });

    it.each(script.corrections)(
      'correction %j at the next question – the income changes, the pending question is asked again',
      async (typed, changed) => {
        const deliveries = await talk(script, [
          ...toIncome(script),
          script.toDependants[1]!,
          [typed, [changed, script.says.askSpending]],
        ]);
        // The correction is not taken as the answer to the pending question: that is still asked.
        expect(deliveries.at(-1)!.replies.map(textOf).join('\n')).not.toMatch(/收到：每月必要|Noted: essentials/);
      },
    );

    it.each(script.atOffers)(
      'correction %j at the offers – said, and the offers computed again',
      async (typed, changed, differ) => {
        const borrower = service.borrower({ locale: script.locale });
        const shown = await converse(borrower, [...toDependants(script), ...script.toOffers]);
        const [corrected] = await converse(borrower, [[typed, [changed, script.says.recomputed]]]);
        const cards = (delivery: (typeof shown)[number]) =>
          JSON.stringify(delivery.replies.map((reply) => reply.attachments));
        expect(cards(corrected!)).toContain('application/vnd.microsoft.card');
        if (differ) expect(cards(corrected!)).not.toBe(cards(shown.at(-1)!));
      },
    );
  });
});

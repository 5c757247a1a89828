// Go back, start over and skip, as borrowers type them: the previous question again, the interview afresh, or why
// a question needs an answer — never "did not understand", and never an answer kept that the borrower took back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { CORRECTIONS, type CorrectionScript } from './correctionScripts.js';

interface RepairWords {
  goBack: string[];
  startOver: string[];
  /** "I don't know" to the income question, which has no skip button. */
  dontKnow: string[];
  /** A message that mentions going back but is not a request to. */
  notARequest: string;
  says: Record<
    'back' | 'startOver' | 'cannotGoBack' | 'cannotSkip' | 'askReason' | 'askRecovery' | 'recovered4',
    string
  >;
}

const WORDS: Record<CorrectionScript['locale'], RepairWords> = {
  'zh-CN': {
    goBack: ['上一步', '能回到上一个问题吗？', '我想返回上一题'],
    startOver: ['重新开始', '算了，我想从头再来', '能不能重新填一遍'],
    dontKnow: ['不知道', '不清楚啊', '这个说不准'],
    notARequest: '希望能早点回去上班',
    says: {
      back: '回到上一个问题',
      startOver: '从头开始',
      cannotGoBack: '没有可以返回',
      cannotSkip: '说一个大概的数',
      askReason: '主要原因',
      askRecovery: '几个月',
      recovered4: '收到：大约 4 个月后收入能恢复',
    },
  },
  'zh-TW': {
    goBack: ['上一步', '可以回上一題嗎', '返回'],
    startOver: ['重新開始', '我想從頭來過', '全部重來好了'],
    dontKnow: ['不知道', '不確定耶', '我也不清楚'],
    notARequest: '希望可以早點回去上班',
    says: {
      back: '回到上一個問題',
      startOver: '從頭開始',
      cannotGoBack: '沒有可以返回',
      cannotSkip: '說一個大概的數',
      askReason: '主要原因',
      askRecovery: '幾個月',
      recovered4: '收到：大約 4 個月後收入能恢復',
    },
  },
  en: {
    goBack: ['go back', 'can we go back to the previous question?', 'oops, go back please'],
    startOver: ['start over', "let's start from scratch", 'can I restart please'],
    dontKnow: ["I don't know", 'not sure tbh', 'no idea honestly'],
    notARequest: 'I hope to go back to work soon',
    says: {
      back: 'back to the previous question',
      startOver: "let's start again",
      cannotGoBack: 'nothing to go back to',
      cannotSkip: 'a rough figure is fine',
      askReason: 'main reason',
      askRecovery: 'how many months',
      recovered4: 'Noted: income back in about 4 months',
    },
  },
};

const NOT_UNDERSTOOD = /没有理解|沒有理解|did not understand/;

describe.each(STORE_KINDS)('go back, start over and skip on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  describe.each(CORRECTIONS)('$locale', (script) => {
    const words = WORDS[script.locale];
    const start = () => service.borrower({ locale: script.locale });
    const reasonLine = script.toRecovery.at(-2)!;
    const toIncome: Line[] = [...script.toRecovery, ['3', script.says.askIncome]];

    it.each(words.goBack)(
      '%j at the income question – the recovery question again, and the new answer kept',
      async (typed) => {
        await converse(start(), [
          ...toIncome,
          [typed, [words.says.back, words.says.askRecovery]],
          ['4', [words.says.recovered4, script.says.askIncome]],
        ]);
      },
    );

    it('back twice from the spending question – income, then recovery; the interview then goes on', async () => {
      const [, , income] = script.toDependants;
      await converse(start(), [
        ...toIncome,
        script.toDependants[1]!,
        [words.goBack[0]!, [words.says.back, script.says.askIncome]],
        [words.goBack[1]!, [words.says.back, words.says.askRecovery]],
        ['3', script.says.askIncome],
        [script.toDependants[1]![0], script.says.askSpending],
        income!,
      ]);
    });

    it('back at the offers – what the borrower can pay is asked again, and the offers follow', async () => {
      const borrower = start();
      await converse(borrower, [...script.toRecovery, ...script.toDependants, ...script.toOffers]);
      const [, ...afterStated] = script.toOffers;
      await converse(borrower, [[words.goBack[2]!, [words.says.back, script.says.askStatedMonthly]], ...afterStated]);
    });

    it.each(words.startOver)(
      '%j at the dependants question – the first question again, the answers forgotten',
      async (typed) => {
        const borrower = start();
        await converse(borrower, [...script.toRecovery, ...script.toDependants]);
        await converse(borrower, [
          [typed, [words.says.startOver, words.says.askReason]],
          reasonLine,
          script.toRecovery.at(-1)!,
          // The recovery asked again: the answer given before starting over was forgotten.
          ['4', [words.says.recovered4, script.says.askIncome]],
        ]);
      },
    );

    it('start over at the offers – nothing signed, the interview from its first question', async () => {
      const borrower = start();
      await converse(borrower, [...script.toRecovery, ...script.toDependants, ...script.toOffers]);
      await converse(borrower, [[words.startOver[0]!, [words.says.startOver, words.says.askReason]]]);
    });

    it.each(words.dontKnow)(
      '%j to the income question – why it is needed, the question again, nothing recorded',
      async (typed) => {
        const borrower = start();
        await converse(borrower, toIncome);
        const [reply] = await converse(borrower, [
          [typed, [words.says.cannotSkip, script.says.askIncome]],
          [script.toDependants[1]![0], script.says.askSpending],
        ]);
        expect(reply!.replies.map(textOf).join('\n')).not.toMatch(NOT_UNDERSTOOD);
      },
    );

    it('back at the first interview question – nothing to go back to, the question again', async () => {
      await converse(start(), [
        ...script.toRecovery.slice(0, -2),
        [words.goBack[0]!, [words.says.cannotGoBack, words.says.askReason]],
      ]);
    });

    it('a sentence that mentions going back is not a request to go back', async () => {
      const borrower = start();
      await converse(borrower, script.toRecovery.slice(0, -1));
      const [reply] = await converse(borrower, [[words.notARequest, /./]]);
      expect(reply!.replies.map(textOf).join('\n')).not.toContain(words.says.back);
    });
  });
});

// The peer's negotiation as the Bot Framework samples write one: a WaterfallDialog of TextPrompt, NumberPrompt and ChoicePrompt.
import { MessageFactory, type Storage } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  ListStyle,
  NumberPrompt,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Account } from '../../src/domain/account.js';
import type { Hardship, HardshipReason } from '../../src/domain/hardship.js';
import { computeOffers, type Offer, type OfferPolicy } from '../../src/domain/offers/index.js';

const TEXT = 'textPrompt';
const NUMBER = 'numberPrompt';
const CHOICE = 'choicePrompt';
const INTERVIEW = 'interview';
const CULTURE = 'zh-cn';

const REASONS: Record<string, HardshipReason> = {
  失业: 'jobLoss',
  收入减少: 'reducedIncome',
  生病: 'illness',
  经营困难: 'business',
  家庭变故: 'family',
  其他: 'other',
};

interface Answers {
  accountRef?: string;
  reason?: HardshipReason;
  temporary?: boolean;
  recoveryMonths?: number;
  incomeMinor?: number;
  spendingMinor?: number;
  otherDebtsMinor?: number;
  dependants?: number;
  affordableMinor?: number;
  offers?: Offer[];
  chosen?: Offer;
}

/** What the waterfall has learnt so far: the samples keep it in step.values, which is untyped. */
const answers = (step: WaterfallStepContext) => step.values as Answers;
const yuan = (minor: number) => `¥${(minor / 100).toFixed(2)}`;
const toMinor = (amount: number) => Math.round(amount * 100);

export class InterviewDialog extends ComponentDialog {
  constructor(
    private readonly accounts: ReadonlyMap<string, Account>,
    private readonly policy: OfferPolicy,
    private readonly storage: Storage,
  ) {
    super('main');
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new NumberPrompt(NUMBER, undefined, CULTURE));
    this.addDialog(new ChoicePrompt(CHOICE, undefined, CULTURE));
    this.addDialog(
      new WaterfallDialog(INTERVIEW, [
        (step) => step.prompt(TEXT, '您好，我是星河消费金融的协商助手，可以帮您商量还款方案。请告诉我您的合同号。'),
        (step) => this.askIdLast4(step),
        (step) => this.askBirthDate(step),
        (step) => this.askReason(step),
        (step) => {
          answers(step).reason = REASONS[(step.result as { value: string }).value] ?? 'other';
          return step.prompt(CHOICE, {
            prompt: '这种情况是暂时的还是长期的？',
            choices: ['暂时的', '长期的'],
            style: ListStyle.suggestedAction,
          });
        },
        (step) => {
          answers(step).temporary = (step.result as { value: string }).value === '暂时的';
          return answers(step).temporary ? step.prompt(NUMBER, '预计多少个月后收入能恢复？') : step.next();
        },
        (step) => {
          answers(step).recoveryMonths = step.result as number | undefined;
          return step.prompt(NUMBER, '您现在每月收入大约多少元？');
        },
        (step) => {
          answers(step).incomeMinor = toMinor(step.result as number);
          return step.prompt(NUMBER, '每月必要的生活开支大约多少元？');
        },
        (step) => {
          answers(step).spendingMinor = toMinor(step.result as number);
          return step.prompt(CHOICE, {
            prompt: '您还有其他贷款需要每月还款吗？',
            choices: ['有', '没有'],
            style: ListStyle.suggestedAction,
          });
        },
        (step) =>
          (step.result as { value: string }).value === '有'
            ? step.prompt(NUMBER, '其他贷款每月一共还多少元？')
            : step.next(0),
        (step) => {
          answers(step).otherDebtsMinor = toMinor(step.result as number);
          return step.prompt(NUMBER, '有几位家人需要您供养？');
        },
        (step) => {
          answers(step).dependants = step.result as number;
          return step.prompt(NUMBER, '您每月最多能还多少元？');
        },
        (step) => this.presentOffers(step),
        (step) => {
          const chosen = answers(step).offers![(step.result as { index: number }).index]!;
          answers(step).chosen = chosen;
          return step.prompt(CHOICE, {
            prompt: `请确认还款协议：${this.describe(chosen)}。确认请回复“我同意”。`,
            choices: ['我同意', '不同意'],
            style: ListStyle.suggestedAction,
          });
        },
        (step) => this.recordAgreement(step),
      ]),
    );
    this.initialDialogId = INTERVIEW;
  }

  /** Runs the dialog for one turn, as the samples' DialogHelper.run does. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const results = await dialogContext.continueDialog();
    if (results.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  private async askIdLast4(step: WaterfallStepContext) {
    const account = this.accounts.get(String(step.result).trim().toUpperCase());
    if (!account) {
      await step.context.sendActivity('没有找到这个合同号，请再确认一下。');
      return step.replaceDialog(INTERVIEW);
    }
    answers(step).accountRef = account.accountRef;
    return step.prompt(TEXT, '为了确认是您本人，请输入身份证号码的后四位。');
  }

  private async askBirthDate(step: WaterfallStepContext) {
    if (String(step.result).trim().toUpperCase() !== this.account(step).borrower.idLast4.toUpperCase()) {
      await step.context.sendActivity('信息不符，我们会请工作人员联系您。');
      return step.endDialog();
    }
    return step.prompt(TEXT, '请输入您的出生日期（例如 1990-01-31）。');
  }

  private async askReason(step: WaterfallStepContext) {
    const account = this.account(step);
    if (String(step.result).trim() !== account.borrower.birthDate) {
      await step.context.sendActivity('信息不符，我们会请工作人员联系您。');
      return step.endDialog();
    }
    await step.context.sendActivity(
      `${account.borrower.name}，您好。您的${account.product === 'loan' ? '贷款' : '信用卡'}已逾期 ${account.daysPastDue} 天，逾期金额 ${yuan(account.overdueMinor)}，费用 ${yuan(account.feesMinor)}。`,
    );
    return step.prompt(CHOICE, {
      prompt: '方便说一下还款遇到了什么困难吗？',
      choices: Object.keys(REASONS),
      style: ListStyle.suggestedAction,
    });
  }

  private async presentOffers(step: WaterfallStepContext) {
    const values = answers(step);
    const hardship: Hardship = {
      reason: values.reason!,
      duration: values.temporary ? 'temporary' : 'longTerm',
      ...(values.recoveryMonths === undefined ? {} : { recoveryMonths: values.recoveryMonths }),
      incomeMinor: values.incomeMinor!,
      essentialSpendingMinor: values.spendingMinor!,
      otherDebtPaymentsMinor: values.otherDebtsMinor!,
      dependants: values.dependants!,
      statedMonthlyMinor: toMinor(step.result as number),
    };
    const { offers } = computeOffers({ account: this.account(step), hardship, policy: this.policy });
    values.offers = offers;
    const lines = offers.map((offer, index) => `方案${index + 1}：${this.describe(offer)}`);
    return step.prompt(CHOICE, {
      prompt: `根据您的情况，可以选择：\n${lines.join('\n')}`,
      choices: offers.map((_, index) => `方案${index + 1}`),
      style: ListStyle.suggestedAction,
    });
  }

  private async recordAgreement(step: WaterfallStepContext) {
    if ((step.result as { value: string }).value !== '我同意') {
      await step.context.sendActivity('好的，我们请工作人员联系您。');
      return step.endDialog();
    }
    const reference = `PEER-${Date.now().toString(36).toUpperCase()}`;
    await this.storage.write({
      [`agreement/${step.context.activity.conversation.id}`]: {
        reference,
        accountRef: answers(step).accountRef,
        offer: answers(step).chosen,
      },
    });
    await step.context.sendActivity(MessageFactory.text(`协议已记录，协议编号 ${reference}。`));
    return step.endDialog();
  }

  private account(step: WaterfallStepContext): Account {
    return this.accounts.get(answers(step).accountRef!)!;
  }

  private describe(offer: Offer): string {
    return `${offer.kind}，${offer.months} 期，最高每期 ${yuan(offer.highestPaymentMinor)}`;
  }
}

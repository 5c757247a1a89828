// The borrower's answers to the satisfaction survey of a closed case: a rating 1–5, then an optional comment, once.
import type { Locale } from '../domain/account.js';
import type { CaseRecord, Survey } from '../domain/case.js';
import { maskPersonalData } from '../domain/maskPersonalData.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { normalizeText } from './recognize/normalize.js';
import { recognize } from './recognize/recognize.js';
import type { OutgoingMessage } from './render/renderReplies.js';

const RATINGS = ['1', '2', '3', '4', '5'];
/** How long after the close a reply may still answer the survey. */
export const SURVEY_OPEN_HOURS = 24;

/** A survey prompt with its buttons: the five ratings and skip, or skip for the comment. */
export function surveyMessage(
  bundle: DialogBundle,
  locale: Locale,
  key: 'survey.ask' | 'survey.askComment' | 'survey.thanks',
): OutgoingMessage {
  const prompts = bundle.prompts[locale];
  const skip = prompts.get('survey.skip') ?? 'skip';
  const buttons = key === 'survey.ask' ? [...RATINGS, skip] : key === 'survey.askComment' ? [skip] : [];
  return {
    type: 'message',
    locale,
    text: prompts.get(key) ?? key,
    ...(buttons.length
      ? { suggestedActions: { actions: buttons.map((title) => ({ type: 'imBack' as const, title, value: title })) } }
      : {}),
  };
}

/** True while the survey waits for the borrower: their messages are its answers and the desk hears them. */
export function surveyOpen(record: CaseRecord | undefined): boolean {
  return record?.status === 'closed' && (record.survey?.state === 'rating' || record.survey?.state === 'comment');
}

export interface SurveyTurn {
  record: CaseRecord;
  append: TranscriptEntry[];
  replies: OutgoingMessage[];
}

/**
 * The turn's answer while the survey is open (a rating, skip, a comment), or `ended`: the message is about something
 * else (a person, a dispute, an opt-out, any other text) — the survey ends and the message gets its usual answer.
 * The rating step asks once; a later "5" is an ordinary message.
 */
export function answerSurvey(input: {
  record: CaseRecord & { survey: Survey };
  text: string | undefined;
  bundle: DialogBundle;
  at: string;
}): { answered: SurveyTurn } | { ended: CaseRecord; append: TranscriptEntry[] } {
  const { record, bundle, at } = input;
  const survey = record.survey;
  const text = (input.text ?? '').trim();
  const event = (name: string, data: Record<string, unknown> = {}): TranscriptEntry => ({
    at,
    actor: 'borrower',
    channelId: record.channelId,
    kind: 'event',
    text: name,
    data,
  });
  const say = (key: Parameters<typeof surveyMessage>[2]) => surveyMessage(bundle, record.locale, key);
  const turn = (next: Survey, append: TranscriptEntry[], replies: OutgoingMessage[]) => ({
    answered: { record: { ...record, survey: next }, append, replies },
  });
  const ended = (name: string, data: Record<string, unknown>) => ({
    ended: {
      ...record,
      survey: { ...survey, state: survey.rating ? ('answered' as const) : ('declined' as const), answeredAt: at },
    },
    append: [event(name, data)],
  });
  // A survey left unanswered is not revived days later: the borrower's new message is about something else.
  if (Date.parse(at) - Date.parse(survey.askedAt) > SURVEY_OPEN_HOURS * 3_600_000)
    return ended('survey.expired', { askedAt: survey.askedAt });
  const understood = recognize({
    text,
    value: undefined,
    expects: survey.state === 'rating' ? { kind: 'number' } : { kind: 'yesNo' },
    locale: record.locale,
    currency: 'CNY',
    lexicons: bundle.lexicons,
    choiceLabels: {},
  }).type;
  const skipped = isSkip(text, bundle.prompts[record.locale].get('survey.skip'));
  // Something else than the survey: a person, a dispute, an opt-out, distress — never swallowed as an answer.
  if (LEAVES_SURVEY.has(understood)) return ended('survey.ended', { by: understood });
  if (survey.state === 'comment') {
    const done: Survey = { ...survey, state: 'answered', answeredAt: at };
    if (skipped || understood === 'answer.no' || !text)
      return turn(done, [event('survey.commentSkipped')], [say('survey.thanks')]);
    const comment = maskPersonalData(text).slice(0, 500);
    return turn({ ...done, comment }, [event('survey.commented', { comment })], [say('survey.thanks')]);
  }
  const rating = ratingOf(text);
  if (rating)
    return turn(
      { ...survey, state: 'comment', rating },
      [event('survey.rated', { rating, agentId: survey.agentId })],
      [say('survey.askComment')],
    );
  if (skipped || understood === 'answer.no')
    return turn({ ...survey, state: 'declined', answeredAt: at }, [event('survey.declined')], [say('survey.thanks')]);
  // Anything else is not a rating: the borrower wrote about something else, which gets its usual answer (no nagging).
  return ended('survey.ended', { by: 'otherMessage' });
}

const LEAVES_SURVEY = new Set([
  'human.requested',
  'dispute.raised',
  'vulnerability.disclosed',
  'stop.requested',
  'locale.switched',
]);

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** "5", "５", "5分", "五星", "4 stars", "4/5": a whole rating from 1 to 5, else undefined. */
export function ratingOf(text: string): number | undefined {
  const bare = normalizeText(text)
    .replace(/\s+/g, '')
    .replace(/[。.!！~～]+$/u, '')
    .replace(/(\/5|分|星|颗星|顆星|stars?|points?)$/iu, '');
  const value = /^[1-5]$/.test(bare) ? Number(bare) : DIGITS[bare];
  return value && value >= 1 && value <= 5 ? value : undefined;
}

function isSkip(text: string, label: string | undefined): boolean {
  const bare = normalizeText(text).trim().toLowerCase();
  return bare.length > 0 && (bare === normalizeText(label ?? '').toLowerCase() || bare === 'skip');
}

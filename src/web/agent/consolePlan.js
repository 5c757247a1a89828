// The agreed plan beside the case: its state, the schedule with what was paid, the lender's payments, promise and waiver.
import { el, money } from './consoleView.js';

const day = (iso, locale) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });

/** Fills the plan panel, or hides it for a case without a plan. */
export function renderPlan(panel, view, words, locale) {
  const plan = view.plan;
  panel.hidden = !plan;
  if (!plan) return;
  const currency = plan.currency;
  panel
    .querySelector('#plan-state')
    .replaceChildren(
      el('span', { class: `badge plan-${plan.state}` }, words.planStates[plan.state] ?? plan.state),
      ` ${words.reference} ${plan.reference}`,
      ` · ${words.waiver}: ${words.waiverStates[plan.waiver] ?? plan.waiver}`,
      plan.promise
        ? ` · ${words.promise}: ${day(plan.promise.byDate, locale)} (${words.promiseStates[plan.promise.state] ?? plan.promise.state})`
        : '',
    );
  const head = el(
    'tr',
    {},
    ...[words.instalment, words.dueDate, words.amount, words.paid, words.status].map((t) =>
      el('th', { scope: 'col' }, t),
    ),
  );
  const rows = plan.instalments.map((line) =>
    el(
      'tr',
      { class: `instalment ${line.status}` },
      el('td', {}, String(line.n)),
      el('td', {}, day(line.dueDate, locale)),
      el('td', {}, money(line.amountMinor, currency, locale)),
      el('td', {}, money(line.paidMinor, currency, locale)),
      el('td', {}, words.instalmentStatus[line.status] ?? line.status),
    ),
  );
  panel.querySelector('#plan-table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  const payments = view.payments ?? [];
  panel
    .querySelector('#plan-payments')
    .replaceChildren(
      ...(payments.length
        ? payments.map((p) =>
            el(
              'li',
              { class: 'payment' },
              `${money(p.amountMinor, p.currency, locale)} · ${new Date(p.paidAt).toLocaleDateString(locale)}`,
            ),
          )
        : [el('li', { class: 'hint' }, words.noPayments)]),
    );
}

/** The survey after a close, as one fact: its state and the rating. */
export function surveyFact(view, words) {
  const survey = view.survey;
  if (!survey) return [];
  const rating = survey.rating ? ` · ${survey.rating}/5` : '';
  const comment = survey.comment ? ` · “${survey.comment}”` : '';
  return [[words.survey, `${words.surveyStates[survey.state] ?? survey.state}${rating}${comment}`]];
}

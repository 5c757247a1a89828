// Compare two versions (what changed, their funnels side by side) and make the chosen version current (a roll back).
import { api } from './flowsApi.js';

const $ = (id) => document.getElementById(id);
export const el = (tag, text, className) =>
  Object.assign(document.createElement(tag), { textContent: text ?? '' }, className ? { className } : {});
const row = (cells, tag = 'td') => {
  const tr = document.createElement('tr');
  tr.append(...cells.map((c) => el(tag, String(c ?? '—'))));
  return tr;
};

export function table(caption, heads, rows) {
  const t = document.createElement('table');
  t.append(el('caption', caption));
  const head = t.createTHead();
  head.append(row(heads, 'th'));
  t.createTBody().append(...rows.map((r) => row(r)));
  return t;
}

/** The milestones of two funnels (from the API) as rows: escalations by reason under the total, every reason either has. */
export function milestoneRows(a, b) {
  const reasons = [...new Set([...Object.keys(a.escalatedBy), ...Object.keys(b.escalatedBy)])].sort();
  return [
    ['started', a.started, b.started],
    ['reachedOffers', a.reachedOffers, b.reachedOffers],
    ['agreed', a.agreed, b.agreed],
    ['escalated', a.escalated, b.escalated],
    ...reasons.map((r) => [`escalated: ${r}`, a.escalatedBy[r] ?? 0, b.escalatedBy[r] ?? 0]),
    ['optedOut', a.optedOut, b.optedOut],
    ['closed', a.closed, b.closed],
  ];
}

export async function compare(words) {
  const [from, to] = [$('compare').value, $('version').value];
  const period = `from=${$('from').value}&to=${$('to').value}`;
  const [diff, before, after] = await Promise.all([
    api(`/api/flows/diff?from=${from}&to=${to}`),
    api(`/api/flows/${from}/funnel?${period}`),
    api(`/api/flows/${to}/funnel?${period}`),
  ]);
  const parts = [table(words.funnel, ['', from, to], milestoneRows(before.milestones, after.milestones))];
  const texts = [...diff.prompts, ...diff.canned];
  if (texts.length > 0)
    parts.push(
      table(
        words.prompts,
        ['key', 'locale', from, to],
        texts.map((c) => [c.key, c.locale, c.before, c.after]),
      ),
    );
  if (diff.policy.length > 0)
    parts.push(
      table(
        words.policy,
        ['path', from, to],
        diff.policy.map((p) => [p.path, p.before, p.after]),
      ),
    );
  const flow = [
    ...diff.states.added.map((s) => ['+', s]),
    ...diff.states.removed.map((s) => ['−', s]),
    ...diff.transitions.added.map((s) => ['+', s]),
    ...diff.transitions.removed.map((s) => ['−', s]),
  ];
  if (flow.length > 0) parts.push(table(words.diagram, ['', ''], flow));
  if (texts.length + diff.policy.length + flow.length === 0) parts.push(el('p', words.noDifference));
  $('compare-result').replaceChildren(...parts);
  $('compare-result').dataset.compared = `${from}>${to}`;
}

export async function makeCurrent(words) {
  const version = $('version').value;
  await api(`/api/flows/${version}/current`, { method: 'POST' });
  $('status-ok').textContent = words.madeCurrent(version);
  document.dispatchEvent(new CustomEvent('flows:refresh', { detail: { version } }));
}

/** The compare list mirrors the version list (another version preselected). */
export function fillCompare() {
  const options = [...$('version').options].map((o) => new Option(o.text, o.value));
  $('compare').replaceChildren(...options);
  const other = options.find((o) => o.value !== $('version').value);
  if (other) $('compare').value = other.value;
}

export function clearCompare() {
  $('compare-result').replaceChildren();
  delete $('compare-result').dataset.compared;
  $('compare').replaceChildren();
}

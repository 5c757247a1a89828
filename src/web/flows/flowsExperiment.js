// The experiment panel: start one (the current version against another, a share of new conversations), its arms' funnels compared, stop.
import { api } from './flowsApi.js';
import { el, milestoneRows, table } from './flowsCompare.js';

const $ = (id) => document.getElementById(id);
const percent = (rate) => `${(rate * 100).toFixed(1)}%`;

/** The versions a product owner can try: every one but the current. */
function fillCandidates(versions, current) {
  const options = versions
    .filter((v) => v.version !== current)
    .map((v) => new Option(v.published ? `${v.published.name} · ${v.version}` : v.version, v.version));
  $('experiment-candidate').replaceChildren(...options);
}

/** One rate's line: both arms, the difference, and how sure the test is, in words. */
function rateLine(label, test, words) {
  const points = (test.difference * 100).toFixed(1);
  return el(
    'p',
    `${label}: ${percent(test.control)} → ${percent(test.candidate)} (${test.difference >= 0 ? '+' : ''}${points} ${words.xPoints}) · p = ${test.pValue.toFixed(3)} · ${words.xVerdict[test.verdict]}`,
    `verdict ${test.verdict}`,
  );
}

export async function loadExperiment(words) {
  const [{ experiments }, { versions, current }] = await Promise.all([
    api('/api/flows/experiments'),
    api('/api/flows/versions'),
  ]);
  fillCandidates(versions, current);
  const shown = experiments[0];
  const running = shown && !shown.stoppedAt ? shown : undefined;
  $('experiment-start').hidden = Boolean(running);
  $('experiment-stop').hidden = !running;
  $('experiment').dataset.running = running?.id ?? '';
  if (!shown) {
    $('experiment-state').textContent = words.xNone;
    $('experiment-result').replaceChildren();
    return;
  }
  $('experiment-state').textContent = running ? words.xRunning(shown) : words.xStopped(shown);
  const result = await api(`/api/flows/experiments/${shown.id}/funnel`);
  $('experiment-result').replaceChildren(
    table(
      words.xFunnel,
      ['', `${words.xControl} ${result.control.version}`, `${words.xCandidate} ${result.candidate.version}`],
      milestoneRows(result.control, result.candidate),
    ),
    rateLine(words.xAgreement, result.agreement, words),
    rateLine(words.xEscalation, result.escalation, words),
  );
  $('experiment').dataset.shown = shown.id;
  $('experiment').dataset.started = `${result.control.started}/${result.candidate.started}`;
}

export async function startExperiment(words) {
  const body = { candidate: $('experiment-candidate').value, candidatePercent: Number($('experiment-percent').value) };
  try {
    await api('/api/flows/experiments', { method: 'POST', body });
  } catch (error) {
    const problems = error.body?.problems ?? [];
    if (problems.length > 0) error.message = [error.message, ...problems.map((p) => p.message)].join(' · ');
    throw error;
  }
  await loadExperiment(words);
}

export async function stopExperiment(words) {
  await api(`/api/flows/experiments/${$('experiment').dataset.running}/stop`, { method: 'POST' });
  await loadExperiment(words);
}

export function clearExperiment() {
  for (const id of ['experiment-state']) $(id).textContent = '';
  $('experiment-result').replaceChildren();
  $('experiment-candidate').replaceChildren();
  $('experiment-start').hidden = true;
  $('experiment-stop').hidden = true;
  for (const key of ['running', 'shown', 'started']) delete $('experiment').dataset[key];
}

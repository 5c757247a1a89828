// The flow viewer: versions, the negotiation and plan diagrams with their funnels, in the chosen language.
import { api, keepToken, savedToken } from './flowsApi.js';
import { clearFlow, drawFlow } from './flowsFunnel.js';
import { closeEditor, openEditor } from './flowsEditor.js';
import { clearCompare, compare, fillCompare, makeCurrent } from './flowsCompare.js';
import { clearExperiment, loadExperiment, startExperiment, stopExperiment } from './flowsExperiment.js';
import { LANGUAGES, pickLanguage, translatePage, wordsFor } from './flowsI18n.js';

const $ = (id) => document.getElementById(id);
const today = new Date().toISOString().slice(0, 10);
let lang = pickLanguage();
let words = wordsFor(lang);
$('from').value = today;
$('to').value = today;
$('token').value = savedToken();
$('lang').replaceChildren(...LANGUAGES.map((l) => new Option(l === 'en' ? 'English' : '简体中文', l)));
$('lang').value = lang;
translatePage(words, lang);

async function loadVersions(wanted) {
  const { versions, current } = await api('/api/flows/versions');
  const select = $('version');
  const chosen = wanted ?? (select.value || current);
  select.replaceChildren(
    ...versions.map((v) => {
      const name = v.published ? `${v.published.name} · ${v.version}` : v.version;
      return new Option(`${name}${v.current ? ` (${words.current})` : ''} — ${v.savedAt.slice(0, 16)}`, v.version);
    }),
  );
  select.value = versions.some((v) => v.version === chosen) ? chosen : current;
}

function clearAll() {
  delete document.body.dataset.loaded;
  for (const id of ['edit', 'make-current', 'compare-button']) $(id).disabled = true;
  clearCompare();
  clearExperiment();
  for (const section of document.querySelectorAll('section.flow')) clearFlow(section);
}

async function show() {
  const version = $('version').value;
  const period = `from=${$('from').value}&to=${$('to').value}`;
  const [graph, funnel, planGraph, planFunnel] = await Promise.all([
    api(`/api/flows/${version}/graph`),
    api(`/api/flows/${version}/funnel?${period}`),
    api(`/api/flows/${version}/plan/graph`),
    api(`/api/flows/${version}/plan/funnel?${period}`),
  ]);
  drawFlow($('negotiation'), graph, funnel, words, words.startedLine(funnel));
  drawFlow($('plan'), planGraph, planFunnel, words, words.plansLine(planFunnel));
  document.body.dataset.loaded = version;
  for (const id of ['edit', 'make-current', 'compare-button']) $(id).disabled = false;
  fillCompare();
  await loadExperiment(words);
  document.dispatchEvent(new CustomEvent('flows:loaded', { detail: { version } }));
}

async function refresh(wanted) {
  $('status').textContent = '';
  if (!wanted) $('status-ok').textContent = '';
  keepToken();
  clearAll();
  try {
    await loadVersions(wanted);
    await show();
  } catch (error) {
    clearAll();
    closeEditor();
    $('version').replaceChildren();
    $('status').textContent = error.message;
  }
}

$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  closeEditor();
  void refresh();
});
const attempt = (action) => async () => {
  $('status').textContent = '';
  try {
    await action(words);
  } catch (error) {
    $('status').textContent = error.message;
  }
};
$('compare-button').addEventListener('click', attempt(compare));
$('make-current').addEventListener('click', attempt(makeCurrent));
$('experiment-stop').addEventListener('click', attempt(stopExperiment));
$('experiment-start').addEventListener('submit', (event) => {
  event.preventDefault();
  void attempt(startExperiment)();
});
$('edit').addEventListener('click', async () => {
  $('status').textContent = '';
  try {
    await openEditor($('version').value, words);
  } catch (error) {
    closeEditor();
    $('status').textContent = error.message;
  }
});
$('lang').addEventListener('change', () => {
  lang = $('lang').value;
  words = wordsFor(lang);
  translatePage(words, lang);
  if (document.body.dataset.loaded) void refresh();
});
document.addEventListener('flows:refresh', (event) => void refresh(event.detail?.version));

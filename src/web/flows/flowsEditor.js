// The editor (role product_owner): a version's texts and numbers as forms, checked as you type, previewed, published with a note.
import { api } from './flowsApi.js';
import { numberRow, showProblems, textRow } from './flowsEditorFields.js';

const $ = (id) => document.getElementById(id);
const SHOWN = 40;
const CHECK_AFTER_MS = 400;
let form;
let base;
let edits = {};
let problems = [];
let timer;
let words;

/** The edits as the API takes them: { prompts: { 'zh-TW': { key: text } }, policy: { path: n } }. */
function payload() {
  const out = {};
  for (const [field, value] of Object.entries(edits)) {
    const [kind, ...rest] = field.split('.');
    if (kind === 'policy') (out.policy ??= {})[rest.join('.')] = value;
    else ((out[kind] ??= {})[rest[0]] ??= {})[rest.slice(1).join('.')] = value;
  }
  return out;
}

const current = (field, original) => (field in edits ? edits[field] : original);

function changed(field, value, original) {
  if (value === original) delete edits[field];
  else edits[field] = value;
  $('edit-count').textContent = words.changes(Object.keys(edits).length);
  clearTimeout(timer);
  timer = setTimeout(() => void check(), CHECK_AFTER_MS);
}

async function check() {
  const asked = JSON.stringify(edits);
  const answer = await api('/api/flows/check', { method: 'POST', body: { base, edits: payload() } }).catch((error) => ({
    problems: [{ severity: 'error', message: error.message }],
  }));
  if (asked !== JSON.stringify(edits)) return; // typed again meanwhile: the next check answers
  problems = answer.problems ?? [];
  showGeneral(showProblems($('editor'), problems));
  $('editor').dataset.checked = String(answer.ok === true);
  const previewed = $('preview-text').dataset.previewOf;
  if (previewed && previewed in edits) await preview(previewed);
}

function showGeneral(list) {
  $('editor-problems').replaceChildren(
    ...list.map((p) =>
      Object.assign(document.createElement('li'), { textContent: `${p.field ?? p.file}: ${p.message}` }),
    ),
  );
}

function draw() {
  const needle = $('edit-filter').value.trim().toLowerCase();
  const matches = (key, texts) =>
    !needle || key.toLowerCase().includes(needle) || Object.values(texts).some((t) => t.toLowerCase().includes(needle));
  const locales = form.locales;
  const onInput = (originalOf) => (field, value) => changed(field, value, originalOf(field));
  const textOriginal = (list, idKey) => (field) => {
    const [, locale, ...key] = field.split('.');
    return list.find((item) => item[idKey] === key.join('.')).texts[locale];
  };
  const rows = (list, kind, idKey) =>
    list
      .filter((item) => matches(item[idKey], item.texts))
      .slice(0, SHOWN)
      .map((item) => textRow(kind, item[idKey], item.texts, locales, current, onInput(textOriginal(list, idKey))));
  $('edit-prompts').replaceChildren(...rows(form.prompts, 'prompts', 'key'));
  $('edit-faq').replaceChildren(...rows(form.faq, 'faq', 'id'));
  $('edit-canned').replaceChildren(...rows(form.canned, 'canned', 'code'));
  const policyOriginal = (field) => form.policy.find((p) => `policy.${p.path}` === field).value;
  $('edit-policy').replaceChildren(
    ...form.policy
      .filter((p) => !needle || p.path.toLowerCase().includes(needle))
      .map((p) => numberRow(p.path, p.value, current, onInput(policyOriginal))),
  );
  for (const head of document.querySelectorAll('.locale-heads'))
    head.replaceChildren(
      ...['', ...locales].map((l) => Object.assign(document.createElement('span'), { textContent: l })),
    );
  showGeneral(showProblems($('editor'), problems));
}

async function preview(field) {
  const [kind, locale] = field.split('.');
  if (kind !== 'prompts' && kind !== 'faq') return;
  const box = document.querySelector(`[data-field="${CSS.escape(field)}"]`);
  const shown = await api('/api/flows/preview', { method: 'POST', body: { base, locale, text: box.value } }).catch(
    (error) => ({ text: error.message }),
  );
  $('preview-text').textContent = shown.text;
  $('preview-text').dataset.previewOf = field;
}

export async function openEditor(version, pageWords) {
  words = pageWords;
  base = version;
  edits = {};
  problems = [];
  form = await api(`/api/flows/${version}/form`);
  $('editor').hidden = false;
  $('edit-count').textContent = words.changes(0);
  $('publish-status').textContent = '';
  draw();
}

export function closeEditor() {
  $('editor').hidden = true;
  form = undefined;
}

$('edit-filter').addEventListener('input', () => form && draw());
$('editor').addEventListener('editor:focus', (event) => void preview(event.detail.field));
$('publish').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const body = { base, edits: payload(), name: $('publish-name').value, note: $('publish-note').value };
  try {
    const done = await api('/api/flows/publish', { method: 'POST', body });
    await openEditor(done.version, words);
    $('publish-status').textContent = words.published(done);
    document.body.dataset.published = done.version;
    document.dispatchEvent(new CustomEvent('flows:refresh', { detail: { version: done.version } }));
  } catch (error) {
    problems = error.body?.problems ?? [];
    showGeneral(showProblems($('editor'), problems));
    $('publish-status').textContent = error.message;
  }
});

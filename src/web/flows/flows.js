// The flow viewer's script: loads versions, the diagram and the funnel with the product owner's token.
const $ = (id) => document.getElementById(id);
const today = new Date().toISOString().slice(0, 10);
$('from').value = today;
$('to').value = today;
$('token').value = sessionStorage.getItem('xs-flows-token') ?? '';

async function api(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${$('token').value.trim()}` } });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

function cell(text, numeric = false) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (numeric) td.className = 'n';
  return td;
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((c) => tr.append(c));
  return tr;
}

async function loadVersions() {
  const { versions, current } = await api('/api/flows/versions');
  const select = $('version');
  const chosen = select.value || current;
  select.replaceChildren(
    ...versions.map(
      (v) => new Option(`${v.version}${v.current ? ' (current)' : ''} — ${v.savedAt.slice(0, 16)}`, v.version),
    ),
  );
  select.value = chosen;
}

async function show() {
  const version = $('version').value;
  const period = `from=${$('from').value}&to=${$('to').value}`;
  const [graph, funnel] = await Promise.all([
    api(`/api/flows/${version}/graph`),
    api(`/api/flows/${version}/funnel?${period}`),
  ]);
  $('diagram').innerHTML = graph.svg;
  $('started').textContent = `${funnel.started} conversation(s) started, ${funnel.from} – ${funnel.to}`;
  const start = document.querySelector('[data-count-for="[*]"]');
  if (start) start.textContent = `${funnel.started} started`;
  for (const state of funnel.states) {
    const label = document.querySelector(`[data-count-for="${CSS.escape(state.id)}"]`);
    if (label) label.textContent = `in ${state.entered} · stopped ${state.stopped}`;
  }
  $('states').tBodies[0].replaceChildren(
    ...funnel.states.map((s) =>
      row([
        cell(s.id),
        cell(s.entered, true),
        cell(
          Object.entries(s.left)
            .map(([to, n]) => `${to}: ${n}`)
            .join('\n') || '—',
        ),
        cell(s.stopped, true),
      ]),
    ),
  );
  $('offers').tBodies[0].replaceChildren(
    ...funnel.offers.map((o) => row([cell(o.kind), cell(o.shown, true), cell(o.accepted, true)])),
  );
  document.body.dataset.loaded = version;
}

$('controls').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('status').textContent = '';
  sessionStorage.setItem('xs-flows-token', $('token').value.trim());
  try {
    await loadVersions();
    await show();
  } catch (error) {
    $('status').textContent = error.message;
  }
});

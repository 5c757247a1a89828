// Draws one flow (diagram, counts on boxes and arrows, the funnel table) into a section of the page.
const human = (id) =>
  id
    .split('.')
    .pop()
    .replace(/([a-z])([A-Z])/g, '$1 $2');

function cell(content, className) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content);
  else td.textContent = String(content);
  if (className) td.className = className;
  return td;
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((c) => tr.append(c));
  return tr;
}

function stateCell(id, description) {
  const wrap = document.createDocumentFragment();
  const text = document.createElement('span');
  text.textContent = description ?? human(id);
  const code = document.createElement('code');
  code.textContent = id;
  wrap.append(text, document.createElement('br'), code);
  return wrap;
}

/** Empties a flow's section: nothing from an earlier answer stays after an error. */
export function clearFlow(section) {
  section.querySelector('.diagram').replaceChildren();
  section.querySelector('.summary').textContent = '';
  for (const body of section.querySelectorAll('tbody')) body.replaceChildren();
}

export function drawFlow(section, { graph, svg }, funnel, words, summary) {
  const diagram = section.querySelector('.diagram');
  diagram.innerHTML = svg;
  const described = new Map([...graph.nodes, ...graph.groups].map((n) => [n.id, n.description]));
  const count = (id) => diagram.querySelector(`[data-count-for="${CSS.escape(id)}"]`);
  const start = count('[*]');
  if (start) start.textContent = words.startedBox(funnel.started);
  for (const state of funnel.states) {
    const label = count(state.id);
    if (label) label.textContent = words.inBox(state);
  }
  for (const edge of funnel.edges) {
    const label = diagram.querySelector(`[data-edge-count="${CSS.escape(`${edge.from}>${edge.to}`)}"]`);
    if (label) label.textContent = edge.count > 0 ? words.arrow(edge) : '';
  }
  section.querySelector('.summary').textContent = summary;
  section.querySelector('table.states').tBodies[0].replaceChildren(
    ...funnel.states.map((s) => {
      const left = Object.entries(s.left)
        .map(([to, n]) => `${human(to)}: ${n} (${s.entered > 0 ? Math.round((n / s.entered) * 100) : 0}%)`)
        .join('\n');
      return row([
        cell(stateCell(s.id, described.get(s.id))),
        cell(s.entered, 'n'),
        cell(left || '—'),
        cell(s.stopped, 'n'),
      ]);
    }),
  );
  const offers = section.querySelector('table.offers');
  if (offers)
    offers.tBodies[0].replaceChildren(
      ...funnel.offers.map((o) => row([cell(o.kind), cell(o.shown, 'n'), cell(o.accepted, 'n')])),
    );
}

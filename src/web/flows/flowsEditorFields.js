// The editor's fields: one row per prompt (a text box per locale side by side), FAQ answer, canned reply or policy number.
const el = (tag, props = {}, children = []) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const slug = (field) => `f-${field.replace(/[^A-Za-z0-9-]/g, '_')}`;

/** A text box (or a number box) with its error line right below it, described by it for screen readers. */
function input(field, value, label, { number = false, onInput }) {
  const box = number
    ? el('input', { type: 'number', step: 'any', value: String(value) })
    : el('textarea', { rows: 3, value });
  box.id = slug(field);
  box.dataset.field = field;
  box.setAttribute('aria-label', label);
  const error = el('p', { className: 'error', id: `${slug(field)}-error` });
  error.dataset.errorFor = field;
  error.setAttribute('aria-live', 'polite');
  box.setAttribute('aria-describedby', error.id);
  box.addEventListener('input', () => onInput(field, number ? Number(box.value) : box.value));
  box.addEventListener('focus', () =>
    box.dispatchEvent(new CustomEvent('editor:focus', { bubbles: true, detail: { field } })),
  );
  return el('div', { className: 'cell' }, [box, error]);
}

/** A row: the key, then one cell per locale. `current(field, original)` gives the edited value, if any. */
export function textRow(kind, key, texts, locales, current, onInput) {
  const cells = locales.map((locale) => {
    const field = `${kind}.${locale}.${key}`;
    const original = texts[locale];
    if (original === undefined) return el('div', { className: 'cell' }, ['—']);
    return input(field, current(field, original), `${key} · ${locale}`, { onInput });
  });
  return el('div', { className: 'edit-row' }, [el('code', { textContent: key }), ...cells]);
}

export function numberRow(path, value, current, onInput) {
  const field = `policy.${path}`;
  return el('div', { className: 'edit-row policy' }, [
    el('code', { textContent: path }),
    input(field, current(field, value), path, { number: true, onInput }),
  ]);
}

/** Writes each problem next to its field; returns the problems no field on screen shows. */
export function showProblems(root, problems) {
  for (const line of root.querySelectorAll('[data-error-for]')) line.textContent = '';
  for (const box of root.querySelectorAll('[data-field]')) box.removeAttribute('aria-invalid');
  const elsewhere = [];
  for (const problem of problems) {
    const line = problem.field && root.querySelector(`[data-error-for="${CSS.escape(problem.field)}"]`);
    if (!line) {
      if (problem.severity === 'error') elsewhere.push(problem);
      continue;
    }
    line.textContent = [line.textContent, problem.message].filter(Boolean).join(' · ');
    if (problem.severity === 'error') line.previousElementSibling.setAttribute('aria-invalid', 'true');
  }
  return elsewhere;
}

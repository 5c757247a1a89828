// The printable agreement (书面确认) as one HTML page in the borrower's locale: reference, plan, schedule, conditions.
import type { AgreementContent } from '../../conversation/render/cards.js';

export interface AgreementPageText {
  lang: string;
  creditor: string;
  /** "Agreed on …", already in the reader's words. */
  agreedOn: string;
  print: string;
  content: AgreementContent;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,-apple-system,'PingFang SC','PingFang TC','Microsoft YaHei',sans-serif;color:#1b1f23;margin:0;background:#f4f6f8}
main{max-width:760px;margin:0 auto;padding:20px 12px;background:#fff;box-sizing:border-box}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.creditor{color:#5a6570;margin:0 0 16px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dt{color:#5a6570}dd{margin:0;font-weight:600}
table{width:100%;border-collapse:collapse;font-size:14px;font-variant-numeric:tabular-nums}th,td{padding:6px 4px;border-bottom:1px solid #d8dee4;text-align:right}
th:first-child,td:first-child{text-align:left}ul{padding-left:20px;line-height:1.6}
button{min-height:48px;padding:12px 20px;font-size:16px;border-radius:10px;border:1px solid #1f4e79;background:#1f4e79;color:#fff;cursor:pointer}
@media print{body{background:#fff}main{padding:0;max-width:none}.no-print{display:none}tr{break-inside:avoid}}`;

export function agreementPage(text: AgreementPageText): string {
  const { content } = text;
  const facts = content.facts.map((f) => `<dt>${escape(f.title)}</dt><dd>${escape(f.value)}</dd>`).join('');
  const header = content.header.map((cell) => `<th scope="col">${escape(cell)}</th>`).join('');
  const rows = content.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('');
  const conditions = content.conditions.length
    ? `<h2>${escape(content.conditionsTitle)}</h2><ul>${content.conditions.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${escape(text.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(content.title)}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style></head>
<body><main>
<h1>${escape(content.title)}</h1><p class="creditor">${escape(text.creditor)} · ${escape(text.agreedOn)}</p>
<dl>${facts}</dl>
<h2>${escape(content.scheduleTitle)}</h2>
<table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table>
${conditions}
<p class="no-print"><button type="button" id="print">${escape(text.print)}</button></p>
</main><script src="/static/agreementPrint.js"></script></body></html>`;
}

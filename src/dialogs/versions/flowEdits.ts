// What a product owner changes in the browser: prompts, FAQ answers, canned replies and policy numbers, applied to a version's files.
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { LOCALES } from '../../domain/account.js';
import { POLICY_FILE } from '../loadDialogBundle.js';

const Texts = z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a key such as interview.askIncome'), z.string().max(2000));
const ByLocale = z.partialRecord(z.enum(LOCALES), Texts);

/** Every change is a leaf the files already have: nothing is added or removed from the browser. */
export const FlowEditsSchema = z.strictObject({
  prompts: ByLocale.optional(),
  faq: ByLocale.optional(),
  canned: ByLocale.optional(),
  policy: z.record(z.string().regex(/^[A-Za-z0-9_.]+$/, 'a policy path such as affordability.ratio'), z.number().finite()).optional(),
});
export type FlowEdits = z.infer<typeof FlowEditsSchema>;

/** Thrown when an edit names something the files do not have; `field` is the form's field. */
export class UnknownField extends Error {
  constructor(readonly field: string) {
    super(`${field}: not in this version (only existing texts and numbers can be changed here)`);
  }
}

function editYaml(files: Map<string, string>, name: string, change: (doc: Document) => void): void {
  const text = files.get(name);
  if (text === undefined) throw new UnknownField(name);
  const doc = parseDocument(text);
  change(doc);
  files.set(name, doc.toString({ lineWidth: 0 }));
}

/** The item of a YAML list `listKey` whose `idKey` is `id`. */
function setInList(doc: Document, listKey: string, idKey: string, id: string, field: string, value: string, where: string) {
  const list = doc.get(listKey);
  if (!isSeq(list)) throw new UnknownField(where);
  const item = list.items.find((entry) => isMap(entry) && entry.get(idKey) === id);
  if (!isMap(item) || !item.has(field)) throw new UnknownField(where);
  item.set(field, value);
}

export function applyEdits(base: ReadonlyMap<string, string>, edits: FlowEdits): Map<string, string> {
  const files = new Map(base);
  for (const [locale, texts] of Object.entries(edits.prompts ?? {}))
    editYaml(files, `prompts/${locale}.yaml`, (doc) => {
      for (const [key, text] of Object.entries(texts)) {
        const path = key.split('.');
        if (typeof doc.getIn(path) !== 'string') throw new UnknownField(`prompts.${locale}.${key}`);
        doc.setIn(path, text);
      }
    });
  for (const [locale, texts] of Object.entries(edits.faq ?? {}))
    editYaml(files, `faq/${locale}.yaml`, (doc) => {
      for (const [id, text] of Object.entries(texts)) setInList(doc, 'questions', 'id', id, 'answer', text, `faq.${locale}.${id}`);
    });
  for (const [locale, texts] of Object.entries(edits.canned ?? {}))
    editYaml(files, `desk/canned/${locale}.yaml`, (doc) => {
      for (const [code, text] of Object.entries(texts)) setInList(doc, 'replies', 'code', code, 'text', text, `canned.${locale}.${code}`);
    });
  if (edits.policy)
    editYaml(files, POLICY_FILE, (doc) => {
      for (const [path, value] of Object.entries(edits.policy!)) {
        if (typeof doc.getIn(path.split('.')) !== 'number') throw new UnknownField(`policy.${path}`);
        doc.setIn(path.split('.'), value);
      }
    });
  return files;
}

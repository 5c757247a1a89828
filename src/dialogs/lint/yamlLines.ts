// Where each key of a YAML file is: dotted key paths (`offers.intro`, `steps.1.discount`) to 1-based lines.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** Lines of every key and list item; a file that does not parse answers an empty map. */
export function keyLines(text: string): Map<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lines = new Map<string, number>();
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : undefined);
  const walk = (node: Node | null | undefined, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const path = prefix ? `${prefix}.${key}` : key;
        const line = lineOf(pair.key as Node);
        if (line !== undefined) lines.set(path, line);
        walk(pair.value as Node, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const path = prefix ? `${prefix}.${index}` : String(index);
        const line = lineOf(item as Node);
        if (line !== undefined) lines.set(path, line);
        walk(item as Node, path);
      });
    }
  };
  if (doc.errors.length === 0) walk(doc.contents, '');
  return lines;
}

/** Lines of keys as a lint asks for them: only `get`. */
export type KeyLines = Pick<ReadonlyMap<string, number>, 'get'>;

/**
 * keyLines parsed on the first `get`: a check that finds nothing to point at (every start of a sound dialogs/)
 * never parses the file a second time for its lines.
 */
export function keyLinesWhenAsked(text: string): KeyLines {
  let lines: Map<string, number> | undefined;
  return { get: (key) => (lines ??= keyLines(text)).get(key) };
}

/** The line of a key, or of its nearest parent that exists (a missing key points at its group). */
export function lineNear(lines: KeyLines, path: string): number | undefined {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const line = lines.get(parts.join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}

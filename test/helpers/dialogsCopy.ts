// A private copy of dialogs/ in a temp folder, to break or change one file for a test.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DialogsCopy {
  dir: string;
  read(name: string): string;
  write(name: string, text: string): void;
  /** Replaces exactly one occurrence of `from`; throws when it is not there, so a test never checks an unbroken copy. */
  edit(name: string, from: string | RegExp, to: string): void;
}

export function copyDialogs(source = 'dialogs'): DialogsCopy {
  const dir = join(mkdtempSync(join(tmpdir(), 'xs-dialogs-')), 'dialogs');
  cpSync(source, dir, { recursive: true });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  return {
    dir,
    read,
    write,
    edit(name, from, to) {
      const text = read(name);
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`${name}: ${String(from)} not found`);
      write(name, changed);
    },
  };
}

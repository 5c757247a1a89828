// `npm start`: builds dist/ first when it is missing or stale, then runs the compiled service in this process.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ENTRY, ensureBuilt } from './build.mjs';

try {
  if (await ensureBuilt()) process.stderr.write('xieshang: dist/ was missing or stale, built it\n');
} catch (error) {
  // Without the compiler (npm ci --omit=dev) a shipped dist/ still runs; without one there is nothing to run.
  if (!existsSync(ENTRY)) throw error;
  process.stderr.write(`xieshang: could not rebuild dist/ (${error.message}); running the existing build\n`);
}
await import(pathToFileURL(ENTRY).href);

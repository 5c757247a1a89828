// `npm run build` and the freshness check behind `npm start`: tsc to dist/, the web assets beside their modules, the
// dialogs/ bundle checked once (dist/dialogs.json, for start-up), then the entry bundled (scripts/bundle.mjs).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = join(ROOT, 'dist/src/main.js');
const STAMP = join(ROOT, 'dist/.built');
/** What the compiled service is made of: a change to any of these makes dist/ stale. */
const INPUTS = ['src', 'machines', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/bundle.mjs'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when dist/ is missing or older than any source file. */
export function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built || !existsSync(ENTRY)) return true;
  return INPUTS.some((input) => newestMtime(join(ROOT, input)) > built.mtimeMs);
}

export async function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  // Pages, scripts and styles the server reads from disk next to the module that serves them.
  cpSync(join(ROOT, 'src/web'), join(ROOT, 'dist/src/web'), {
    recursive: true,
    filter: (source) => extname(source) !== '.ts',
  });
  // Start-up takes the checked dialogs from here while dialogs/ is unchanged and this build is the one in dist/.
  const builtBy = `${new Date().toISOString()} ${randomBytes(4).toString('hex')}`;
  const precompiled = pathToFileURL(join(ROOT, 'dist/src/dialogs/precompiledDialogs.js')).href;
  const { DIST_PLACE, writePrecompiledDialogs } = await import(precompiled);
  try {
    writePrecompiledDialogs(join(ROOT, 'dialogs'), DIST_PLACE.file, builtBy);
  } catch (error) {
    // A dialogs/ the check cannot even read (a file missing) does not stop the build: start-up reports it.
    process.stderr.write(`build: dialogs/ not precompiled (${error.message})\n`);
  }
  // dist/src/main.js becomes the bundle; the other compiled modules stay, for tools that import them (the bench).
  await bundle(ROOT);
  writeFileSync(STAMP, `${builtBy}\n`);
}

/** Builds only when dist/ is stale; returns whether it built. */
export async function ensureBuilt() {
  if (!isStale()) return false;
  await build();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale')) await ensureBuilt();
  else await build();
}

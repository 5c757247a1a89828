// The dialogs/ bundle checked at build time (dist/dialogs.json): start-up uses it for the very files and build it was made from.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/account.js';
import { isError } from '../../machines/flow.js';
import { assembleBundle, partsOf, type BundleParts } from './assembleBundle.js';
import { checkDialogs, readDialogFiles, versionOf, type DialogCheck } from './loadDialogBundle.js';

/** Where the build writes the precompiled bundle, and the stamp naming the build (dist/.built). */
export interface PrecompiledPlace {
  file: string;
  stamp: string;
}

/** Beside the compiled service: dist/dialogs.json and dist/.built (from dist/src/dialogs/, in the bundle too). */
export const DIST_PLACE: PrecompiledPlace = {
  file: fileURLToPath(new URL('../../dialogs.json', import.meta.url)),
  stamp: fileURLToPath(new URL('../../.built', import.meta.url)),
};

type StoredParts = Omit<BundleParts, 'prompts'> & { prompts: Record<Locale, Array<[string, string]>> };

const ProblemSchema = z.object({
  file: z.string(),
  line: z.number().optional(),
  where: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']).optional(),
});
const PrecompiledSchema = z.object({
  builtBy: z.string().min(1),
  version: z.string().min(1),
  /** Files relative to the dialogs folder, which may be elsewhere at start. */
  warnings: z.array(ProblemSchema),
  /** This build's own output of the full check (read back only with the build id and version it was written for). */
  parts: z.custom<StoredParts>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
});

/** Build time: checks `dir` and writes its parsed form for `builtBy`; a folder with errors writes none (start-up reports them). */
export function writePrecompiledDialogs(dir: string, file: string, builtBy: string): boolean {
  rmSync(file, { force: true });
  const { bundle, problems } = checkDialogs(dir, readDialogFiles(dir));
  if (!bundle) return false;
  const parts = partsOf(bundle);
  const prompts = Object.fromEntries(Object.entries(parts.prompts).map(([locale, map]) => [locale, [...map]]));
  const warnings = problems.filter((problem) => !isError(problem)).map((problem) => ({ ...problem, file: relative(dir, problem.file) }));
  writeFileSync(file, JSON.stringify({ builtBy, version: bundle.version, warnings, parts: { ...parts, prompts } }));
  return true;
}

/**
 * Start-up's check of the dialogs files: the build's precompiled bundle when it was made from these very files by the
 * build in use, otherwise (files edited since, no build, another build's file) the full check.
 */
export function checkDialogsAtStart(dir: string, files: Map<string, string>, place: PrecompiledPlace = DIST_PLACE): DialogCheck {
  return readPrecompiled(dir, files, place) ?? checkDialogs(dir, files);
}

function readPrecompiled(dir: string, files: Map<string, string>, place: PrecompiledPlace): DialogCheck | undefined {
  if (!existsSync(place.file) || !existsSync(place.stamp)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(place.file, 'utf8'));
  } catch {
    return undefined;
  }
  const stored = PrecompiledSchema.safeParse(raw);
  if (!stored.success) return undefined;
  const { builtBy, version, warnings } = stored.data;
  if (builtBy !== readFileSync(place.stamp, 'utf8').trim() || version !== versionOf(files)) return undefined;
  // Written by this build from files of this version, after the full check: its parts are that check's output.
  const { parts } = stored.data;
  const prompts = {} as BundleParts['prompts'];
  for (const locale of LOCALES) prompts[locale] = new Map(parts.prompts[locale]);
  return {
    bundle: assembleBundle({ ...parts, version, prompts }),
    problems: warnings.map((problem) => ({ ...problem, file: join(dir, problem.file) })),
  };
}

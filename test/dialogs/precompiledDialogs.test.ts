// Start-up takes the dialogs checked at build time only for the same files and build; otherwise it runs the full check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../../src/dialogs/assembleBundle.js';
import type { DialogBundle } from '../../src/dialogs/dialogBundle.js';
import { checkDialogs, readDialogFiles } from '../../src/dialogs/loadDialogBundle.js';
import { checkDialogsAtStart, writePrecompiledDialogs, type PrecompiledPlace } from '../../src/dialogs/precompiledDialogs.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';

/** A build of `dir` by `builtBy`, and a dist/.built naming `stamped` (the build in use). */
function built(dir: string, builtBy = 'build-a', stamped = builtBy): PrecompiledPlace {
  const out = mkdtempSync(join(tmpdir(), 'xs-precompiled-'));
  const place = { file: join(out, 'dialogs.json'), stamp: join(out, '.built') };
  expect(writePrecompiledDialogs(dir, place.file, builtBy)).toBe(true);
  writeFileSync(place.stamp, `${stamped}\n`);
  return place;
}

/** Rewrites one prompt in the precompiled file, so a test can tell whether start-up read the file. */
function tamper(place: PrecompiledPlace): void {
  const stored = JSON.parse(readFileSync(place.file, 'utf8'));
  stored.parts.prompts.en = stored.parts.prompts.en.map(([key, text]: [string, string]) => [key, key === 'common.apology' ? 'from the file' : text]);
  writeFileSync(place.file, JSON.stringify(stored));
}

const startWith = (dir: string, place: PrecompiledPlace) => checkDialogsAtStart(dir, readDialogFiles(dir), place);
/** A machine's config with each function (built per machine) as its name. */
const configOf = (machine: { config: unknown }) => JSON.stringify(machine.config, (_, value: unknown) => (typeof value === 'function' ? `function ${value.name}` : value));
const apology = (bundle: DialogBundle | undefined) => bundle?.prompts.en.get('common.apology');

describe('precompiled dialogs', () => {
  it('the shipped dialogs/, precompiled – the same bundle as the full check, machines configured alike', () => {
    const fresh = checkDialogs('dialogs').bundle!;
    const { bundle, problems } = startWith('dialogs', built('dialogs'));
    expect(problems).toEqual(checkDialogs('dialogs').problems);
    expect(partsOf(bundle!)).toStrictEqual(partsOf(fresh));
    expect([bundle!.limits, bundle!.figures]).toStrictEqual([fresh.limits, fresh.figures]);
    expect(configOf(bundle!.machine)).toBe(configOf(fresh.machine));
    expect(configOf(bundle!.plan.machine)).toBe(configOf(fresh.plan.machine));
    expect(bundle!.rules.compute).toBeTypeOf('function');
  });

  it('the same files and build – the bundle comes from the file', () => {
    const place = built('dialogs');
    tamper(place);
    expect(apology(startWith('dialogs', place).bundle)).toBe('from the file');
  });

  it('a file of another build than the one in dist/ – the full check', () => {
    const place = built('dialogs', 'build-a', 'build-b');
    tamper(place);
    expect(apology(startWith('dialogs', place).bundle)).toBe(apology(checkDialogs('dialogs').bundle));
  });

  it('no precompiled file (dev, tests) – the full check', () => {
    const place = built('dialogs');
    rmSync(place.file);
    expect(startWith('dialogs', place).bundle?.version).toBe(checkDialogs('dialogs').bundle?.version);
  });

  it('a prompt edited after the build – the full check, with the edit', () => {
    const copy = copyDialogs();
    const place = built(copy.dir);
    tamper(place);
    copy.edit('prompts/en.yaml', /apology: .*/, 'apology: "Edited after the build."');
    expect(apology(startWith(copy.dir, place).bundle)).toBe('Edited after the build.');
  });

  it('a flow broken after the build – no bundle, the errors of the full check', () => {
    const copy = copyDialogs();
    const place = built(copy.dir);
    copy.edit('negotiation.flow.yaml', 'guard: hasIdentityTriesLeft', 'guard: hasIdentityTriesLeftt');
    const { bundle, problems } = startWith(copy.dir, place);
    expect(bundle).toBeUndefined();
    expect(problems).toEqual(checkDialogs(copy.dir).problems);
    expect(problems.map((problem) => problem.message).join('\n')).toContain('unknown guard "hasIdentityTriesLeftt"');
  });

  it('warnings found at build – kept, naming the files of the folder start-up reads', () => {
    const copy = copyDialogs();
    rmSync(join(copy.dir, 'desk/canned/en.yaml'));
    const place = built(copy.dir);
    const moved = copyDialogs(copy.dir);
    const { problems } = startWith(moved.dir, place);
    expect(problems).toEqual(checkDialogs(moved.dir).problems);
    expect(problems).toEqual([expect.objectContaining({ file: join(moved.dir, 'desk/canned/en.yaml'), severity: 'warning' })]);
  });

  it('dialogs with errors at build – no file written, so start-up reports them', () => {
    const copy = copyDialogs();
    copy.edit('negotiation.flow.yaml', 'guard: hasIdentityTriesLeft', 'guard: hasIdentityTriesLeftt');
    const file = join(mkdtempSync(join(tmpdir(), 'xs-precompiled-')), 'dialogs.json');
    expect(writePrecompiledDialogs(copy.dir, file, 'build-a')).toBe(false);
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});

/**
 * The layer boundaries of oxlint.config.js fail on a violation: each rule is run by the real
 * oxlint on small files placed where the rule applies, some breaking it and some keeping it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dirs.js';

const repo = join(import.meta.dirname, '..', '..');
const oxlint = join(repo, 'node_modules', 'oxlint', 'bin', 'oxlint');
const tempDir = useTempDirs('b2c-lint-');

/** One fixture: where it sits (relative to the project root) and its source. */
type Fixture = readonly [path: string, code: string];

/**
 * Lints `fixtures` with the boundary blocks exactly as npm run lint applies them (the config's
 * `boundaries`, whose globs are relative to the config file, so the fixtures sit in a temp
 * project root beside a config that takes them from the real one). A path used twice gets a
 * numbered name in the same folder. Returns each fixture's problems as "rule: message (help)".
 */
async function lint(fixtures: readonly Fixture[]): Promise<string[][]> {
  const root = tempDir();
  writeFileSync(
    join(root, 'oxlint.config.js'),
    `import { boundaries } from ${JSON.stringify(pathToFileURL(join(repo, 'oxlint.config.js')).href)};\n` +
      `export default { plugins: ['eslint', 'typescript'], categories: { correctness: 'off' }, overrides: boundaries };\n`,
  );
  const used = new Set<string>();
  const paths = fixtures.map(([path, code], i) => {
    const unique = used.has(path) ? path.replace(extname(path), `.${i}${extname(path)}`) : path;
    used.add(unique);
    mkdirSync(join(root, dirname(unique)), { recursive: true });
    writeFileSync(join(root, unique), code);
    return unique;
  });
  const run = promisify(execFile)(process.execPath, [oxlint, '-c', 'oxlint.config.js', '-f', 'json', 'src'], {
    cwd: root,
  });
  // Exit 1 means "problems found": the report is on stdout either way.
  const stdout = await run.then(
    (r) => r.stdout,
    (err: { stdout?: string }) => err.stdout ?? '',
  );
  const report = JSON.parse(stdout) as {
    diagnostics: { code: string; message: string; help?: string; filename: string }[];
  };
  return paths.map((path) =>
    report.diagnostics.filter((d) => d.filename === path).map((d) => `${d.code}: ${d.message} (${d.help ?? ''})`),
  );
}

const RULE = 'eslint(no-restricted-imports)';

describe('layer boundaries', () => {
  it('src/ui imports no provider or config values (types are allowed), no server and no CLI', async () => {
    const [b2, config, cli, types, core] = await lint([
      ['src/ui/app/Fixture.tsx', "import { connectB2 } from '../../providers/b2/index.js';\nvoid connectB2;\n"],
      ['src/ui/Fixture.tsx', "import { openConfig } from '../config/store.js';\nvoid openConfig;\n"],
      [
        'src/ui/app/Fixture.tsx',
        "import { verifyCredentials } from '../../commands/session.js';\nvoid verifyCredentials;\n",
      ],
      [
        'src/ui/app/Fixture.tsx',
        "import type { Provider } from '../../providers/types.js';\nexport type P = Provider;\n",
      ],
      [
        'src/ui/app/Fixture.tsx',
        "import { ProviderRegistry } from '../../tui/providers/provider-registry.js';\nvoid ProviderRegistry;\n",
      ],
    ]);
    expect(b2).toEqual([expect.stringContaining(`${RULE}:`)]);
    expect(config).toEqual([expect.stringContaining('src/ui renders only')]);
    expect(cli).toHaveLength(1);
    expect(types).toEqual([]);
    expect(core).toEqual([]);
  });

  it('src/tui imports no React, no Ink and nothing of src/ui', async () => {
    const [react, ink, ui, state] = await lint([
      ['src/tui/panes/fixture.ts', "import { useState } from 'react';\nvoid useState;\n"],
      ['src/tui/fixture.ts', "import { render } from 'ink';\nvoid render;\n"],
      ['src/tui/fixture.ts', "import { TuiApp } from '../ui/app/TuiApp.js';\nvoid TuiApp;\n"],
      ['src/tui/fixture.ts', "import { appReducer } from '../state/app/app-reducer.js';\nvoid appReducer;\n"],
    ]);
    expect(react).toEqual([expect.stringContaining('without React or Ink')]);
    expect(ink).toHaveLength(1);
    expect(ui).toHaveLength(1);
    expect(state).toEqual([]);
  });

  it('src/state imports nothing outside itself', async () => {
    const [errorText, providerType, nodeFs, own] = await lint([
      ['src/state/pane/fixture.ts', "import { errorText } from '../../error-text.js';\nvoid errorText;\n"],
      [
        'src/state/pane/fixture.ts',
        "import type { Provider } from '../../providers/types.js';\nexport type P = Provider;\n",
      ],
      ['src/state/pane/fixture.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
      ['src/state/pane/fixture.ts', "import type { Entry } from '../model/entry.js';\nexport type E = Entry;\n"],
    ]);
    expect(errorText).toEqual([expect.stringContaining('src/state is pure')]);
    expect(providerType).toHaveLength(1);
    expect(nodeFs).toHaveLength(1);
    expect(own).toEqual([]);
  });

  it('the server imports nothing of the client, and the client nothing of the server but its wiring', async () => {
    const [serverToState, serverToProviders, transfersToServer, coreToServer, wiring] = await lint([
      ['src/emulator/fixture.ts', "import { sanitizeName } from '../state/text/sanitize.js';\nvoid sanitizeName;\n"],
      ['src/emulator/api/fixture.ts', "import { connectB2 } from '../../providers/b2/index.js';\nvoid connectB2;\n"],
      ['src/transfers/fixture.ts', "import { startEmulator } from '../emulator/index.js';\nvoid startEmulator;\n"],
      ['src/tui/panes/fixture.ts', "import { startEmulator } from '../../emulator/index.js';\nvoid startEmulator;\n"],
      ['src/tui/setup.ts', "import { startEmulator } from '../emulator/index.js';\nvoid startEmulator;\n"],
    ]);
    expect(serverToState).toEqual([expect.stringContaining('built-in server imports nothing of the client')]);
    expect(serverToProviders).toHaveLength(1);
    expect(transfersToServer).toEqual([expect.stringContaining('client imports nothing of the built-in server')]);
    expect(coreToServer).toHaveLength(1);
    expect(wiring).toEqual([]);
  });
});

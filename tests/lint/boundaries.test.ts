/**
 * The layer boundaries of eslint.config.js fail on a violation: each rule is run through ESLint's
 * Node API on a small file placed where the rule applies, once breaking it and once keeping it.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.config.js';

// The boundary blocks as npm run lint applies them, with a parser that needs no type information
// (the fixture files do not exist on disk, so the project service could not type them).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin },
    },
    ...boundaries,
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('layer boundaries', () => {
  it('src/ui imports no provider or config values (types are allowed), no server and no CLI', async () => {
    expect(
      await problems(
        'src/ui/app/Fixture.tsx',
        "import { connectB2 } from '../../providers/b2/index.js';\nvoid connectB2;\n",
      ),
    ).toEqual([expect.stringContaining(`${RULE}:`)]);
    expect(
      await problems('src/ui/Fixture.tsx', "import { openConfig } from '../config/store.js';\nvoid openConfig;\n"),
    ).toEqual([expect.stringContaining('src/ui renders only')]);
    expect(
      await problems(
        'src/ui/app/Fixture.tsx',
        "import { verifyCredentials } from '../../commands/session.js';\nvoid verifyCredentials;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'src/ui/app/Fixture.tsx',
        "import type { Provider } from '../../providers/types.js';\nexport type P = Provider;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/ui/app/Fixture.tsx',
        "import { ProviderRegistry } from '../../tui/providers/provider-registry.js';\nvoid ProviderRegistry;\n",
      ),
    ).toEqual([]);
  });

  it('src/tui imports no React, no Ink and nothing of src/ui', async () => {
    expect(await problems('src/tui/panes/fixture.ts', "import { useState } from 'react';\nvoid useState;\n")).toEqual([
      expect.stringContaining('without React or Ink'),
    ]);
    expect(await problems('src/tui/fixture.ts', "import { render } from 'ink';\nvoid render;\n")).toHaveLength(1);
    expect(
      await problems('src/tui/fixture.ts', "import { TuiApp } from '../ui/app/TuiApp.js';\nvoid TuiApp;\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'src/tui/fixture.ts',
        "import { appReducer } from '../state/app/app-reducer.js';\nvoid appReducer;\n",
      ),
    ).toEqual([]);
  });

  it('src/state imports nothing outside itself', async () => {
    expect(
      await problems(
        'src/state/pane/fixture.ts',
        "import { errorText } from '../../error-text.js';\nvoid errorText;\n",
      ),
    ).toEqual([expect.stringContaining('src/state is pure')]);
    expect(
      await problems(
        'src/state/pane/fixture.ts',
        "import type { Provider } from '../../providers/types.js';\nexport type P = Provider;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems('src/state/pane/fixture.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'src/state/pane/fixture.ts',
        "import type { Entry } from '../model/entry.js';\nexport type E = Entry;\n",
      ),
    ).toEqual([]);
  });

  it('the server imports nothing of the client, and the client nothing of the server but its wiring', async () => {
    expect(
      await problems(
        'src/emulator/fixture.ts',
        "import { sanitizeName } from '../state/text/sanitize.js';\nvoid sanitizeName;\n",
      ),
    ).toEqual([expect.stringContaining('built-in server imports nothing of the client')]);
    expect(
      await problems(
        'src/emulator/api/fixture.ts',
        "import { connectB2 } from '../../providers/b2/index.js';\nvoid connectB2;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'src/transfers/fixture.ts',
        "import { startEmulator } from '../emulator/index.js';\nvoid startEmulator;\n",
      ),
    ).toEqual([expect.stringContaining('client imports nothing of the built-in server')]);
    expect(
      await problems(
        'src/tui/panes/fixture.ts',
        "import { startEmulator } from '../../emulator/index.js';\nvoid startEmulator;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'src/tui/setup.ts',
        "import { startEmulator } from '../emulator/index.js';\nvoid startEmulator;\n",
      ),
    ).toEqual([]);
  });
});

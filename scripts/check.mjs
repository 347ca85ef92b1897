// `npm run check`: the type-check (tsc --noEmit) and the lint (eslint .) from ONE TypeScript
// program. Run separately, tsc and typescript-eslint's type-aware rules each build the whole
// program — parsing and binding every file and its node_modules types — which is most of the
// time both take. Here the program is built once: its diagnostics are the type-check, and ESLint
// gets it through typescript-eslint's `parserOptions.programs` instead of building its own.
// `npm run typecheck` and `npm run lint` still run the two tools alone.
//
// Exits 0 when both are clean, 1 when either reports a problem (each is printed as the tools
// print them), 2 when the check itself cannot run.
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;

/** Builds the program tsconfig.json describes. @throws when tsconfig.json cannot be read. */
function buildProgram() {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
  if (!configPath) throw new Error('tsconfig.json not found');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
  });
  return { program, configErrors: parsed.errors };
}

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

async function main() {
  const { program, configErrors } = buildProgram();
  const diagnostics = [...configErrors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length > 0) process.stdout.write(ts.formatDiagnostics(diagnostics, formatHost));

  const eslint = new ESLint({
    cwd: root,
    // The config asks for `projectService`; the one program replaces it for every typed file
    // (the .js/.mjs files keep their untyped setting, which a later config block gives them).
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const lintText = await formatter.format(results);
  if (lintText.trim() !== '') process.stdout.write(lintText);
  const lintProblems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);

  console.log(
    `typecheck: ${diagnostics.length === 0 ? 'passed' : `${diagnostics.length} error(s)`}; lint: ${lintProblems === 0 ? 'passed' : `${lintProblems} problem(s)`}`,
  );
  return diagnostics.length === 0 && lintProblems === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`check: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 2;
  },
);

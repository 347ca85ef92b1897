/**
 * The user-facing texts of ConfigError, in one place. Each says which file, what is wrong and what
 * to do, and promises nothing was changed (the file is never rewritten when these are raised).
 */
import path from 'node:path';
import { ConfigError } from './errors.js';

const LEFT_ALONE = 'b2c has not changed it.';
const WAYS_OUT =
  'Fix it in an editor, or move it aside to start afresh (it holds your profiles), or set B2C_CONFIG_DIR to use another directory.';

/** Error codes of node:fs we explain in words. */
const CODE_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

function describeCode(code: string | undefined): string {
  if (code === undefined) return 'unknown error';
  return CODE_WORDS[code] ?? `error ${code}`;
}

/** The `code` of a node:fs error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** The file exists but cannot be read. */
export function unreadable(file: string, error: unknown): ConfigError {
  const code = errorCode(error);
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? `It should belong to you and be private: chown "$USER" '${file}' && chmod 600 '${file}'.`
      : WAYS_OUT;
  return new ConfigError('unreadable', file, `Cannot read the b2c config file ${file}: ${describeCode(code)}. ${hint}`);
}

/** The directory cannot be created or the file cannot be saved. */
export function unwritable(file: string, error: unknown): ConfigError {
  const dir = path.dirname(file);
  return new ConfigError(
    'unwritable',
    file,
    `Cannot save the b2c config file ${file}: ${describeCode(errorCode(error))}. Nothing was saved. ` +
      `Check that ${dir} is a directory you can write to and that the disk has space, or set B2C_CONFIG_DIR to another directory.`,
  );
}

/**
 * Not JSON. `position` (a UTF-16 offset, when the parser said one) becomes line and column; the
 * parser's own message is not used because V8 quotes the surrounding text, which may be a key.
 */
export function invalidJson(file: string, text: string, position: number | undefined): ConfigError {
  if (text.trim() === '') {
    return new ConfigError('invalid-json', file, `The b2c config file ${file} is empty. ${LEFT_ALONE} ${WAYS_OUT}`);
  }
  let where = '';
  if (position !== undefined && position <= text.length) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    where = ` (near line ${line}, column ${column})`;
  }
  return new ConfigError(
    'invalid-json',
    file,
    `The b2c config file ${file} is not valid JSON${where}. ${LEFT_ALONE} ${WAYS_OUT}`,
  );
}

/** JSON, but content b2c does not accept. */
export function invalidContent(file: string, problems: readonly string[]): ConfigError {
  return new ConfigError(
    'invalid-content',
    file,
    `The b2c config file ${file} has invalid content: ${problems.join('; ')}. ${LEFT_ALONE} ${WAYS_OUT}`,
    problems,
  );
}

/** Written by a newer b2c: opening it would downgrade its version marker. */
export function newerVersion(file: string, found: string, supported: string): ConfigError {
  return new ConfigError(
    'newer-version',
    file,
    `The b2c config file ${file} was written by a newer b2c (config version ${found}; this b2c understands up to ${supported}). ` +
      `${LEFT_ALONE} Upgrade b2c, or set B2C_CONFIG_DIR to use a separate config with this version.`,
  );
}

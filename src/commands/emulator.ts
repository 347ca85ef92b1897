/** Placeholder replaced by the emulator work (issue 2). */
export function runEmulatorCommand(_argv: string[]): Promise<number> {
  process.stderr.write('b2c emulator: not built yet\n');
  return Promise.resolve(1);
}

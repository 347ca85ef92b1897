// Preloaded with `node --import` by bench/tui-startup-profile.mjs: starts V8's CPU profiler
// before b2c's bundle loads and stops it at the first write to the terminal that holds a full
// frame (the first synchronized update: b2c's first paint is whole), writing the profile to $B2C_PROFILE_OUT.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const started = performance.now();
const write = process.stdout.write.bind(process.stdout);
let done = false;
process.stdout.write = (chunk, ...rest) => {
  if (!done && String(chunk).includes('\x1b[?2026h')) {
    done = true;
    const frameMs = performance.now() - started;
    void session.post('Profiler.stop').then(({ profile }) => {
      writeFileSync(process.env.B2C_PROFILE_OUT, JSON.stringify({ frameMs, profile }));
    });
  }
  return write(chunk, ...rest);
};

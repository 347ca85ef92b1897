// Preloaded with `node --import` by bench/tui-keypress-profile.mjs: once b2c has drawn its first
// frame, the first SIGUSR2 starts V8's CPU profiler and the second stops it and writes the profile
// to $B2C_PROFILE_OUT, so the profile holds only what happens between them (the key presses).
// The handler is installed at the first frame because b2c drops the signal listeners that
// libraries install while loading (src/signal-hooks.ts).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const out = process.env.B2C_PROFILE_OUT;
const session = new Session();
session.connect();
let running = false;

function toggle() {
  running = !running;
  if (running) {
    void session
      .post('Profiler.enable')
      .then(() => session.post('Profiler.setSamplingInterval', { interval: 100 }))
      .then(() => session.post('Profiler.start'))
      .then(() => writeFileSync(`${out}.started`, ''));
  } else {
    void session.post('Profiler.stop').then(({ profile }) => writeFileSync(out, JSON.stringify(profile)));
  }
}

const write = process.stdout.write.bind(process.stdout);
let hooked = false;
process.stdout.write = (chunk, ...rest) => {
  if (!hooked && String(chunk).includes('\x1b[?2026h')) {
    hooked = true;
    process.on('SIGUSR2', toggle);
  }
  return write(chunk, ...rest);
};

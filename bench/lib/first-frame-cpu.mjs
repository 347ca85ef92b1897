// Preloaded with `node --import` by bench/tui-startup.mjs: writes the process's CPU time (user +
// system, ms) at its first synchronized update to the terminal — b2c's first paint, which is the
// whole screen — to $B2C_FIRST_FRAME_OUT. CPU time is steadier than wall time on a shared machine.
import { writeFileSync } from 'node:fs';

const write = process.stdout.write.bind(process.stdout);
let done = false;
process.stdout.write = (chunk, ...rest) => {
  if (!done && String(chunk).includes('\x1b[?2026h')) {
    done = true;
    const { user, system } = process.cpuUsage();
    writeFileSync(process.env.B2C_FIRST_FRAME_OUT, String((user + system) / 1000));
  }
  return write(chunk, ...rest);
};

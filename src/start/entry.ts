/**
 * dist/start.js, the small bundle bin/b2c.js loads before anything else: the file manager's start
 * from V8's code cache, and the early start of the demo server's thread.
 */
export { startFromCodeCache } from './code-cache.js';
export { startDemoServerEarly } from '../tui/providers/demo-server.js';

/**
 * dist/start.js, the small bundle bin/b2c.js loads before anything else: the file manager's start
 * from V8's code cache.
 */
export { startFromCodeCache } from './code-cache.js';

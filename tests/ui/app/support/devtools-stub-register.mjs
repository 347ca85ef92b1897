// Registers ./devtools-stub-hooks.mjs (see there). Used as NODE_OPTIONS="--import <this file>".
import { register } from 'node:module';

register('./devtools-stub-hooks.mjs', import.meta.url);

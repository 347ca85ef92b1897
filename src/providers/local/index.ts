/** The local-disk provider: public entry point. */
export { createLocalProvider, type LocalProviderOptions } from './provider.js';
export { CrossDeviceError } from './fs-errors.js';
export { TEMP_MARKER, isTempName } from './temp-files.js';

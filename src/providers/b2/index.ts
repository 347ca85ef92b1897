/** The B2 provider's public surface. */
export { connectB2, type ConnectB2Options } from './connect.js';
export { B2Provider, MAX_SHARE_SECONDS, type B2ProviderSettings } from './provider.js';
export type { CreateKeyRequest, KeyAdmin } from './admin.js';
export type { CreatedKey, KeyRecord } from '../../state/model/key-info.js';
export type { BucketRef } from './buckets.js';
export { keyInfoFromAllowed, DEFAULT_ENDPOINT } from './authorize.js';
export { b2HomePath } from './home.js';
export { FOLDER_PLACEHOLDER } from './entries.js';

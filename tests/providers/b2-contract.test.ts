/**
 * The shared provider contract against the B2 provider over real HTTP (built-in server on
 * 127.0.0.1): once with the master key, once with a v4 multi-bucket key limited to a name prefix.
 * Large writes use 64 KiB parts so the large-file API (parallel parts) is exercised.
 */
import { runProviderContract } from './contract/run-provider-contract.js';
import { MIN_PART, startB2 } from './b2/helpers.js';

runProviderContract(
  'b2 (master key)',
  async () => {
    const f = await startB2();
    const b = await f.bucket('contract');
    return { provider: f.master, root: `/${b.name}/prefix`, cleanup: () => f.close() };
  },
  { writeOptions: { partSize: MIN_PART } },
);

runProviderContract(
  'b2 (multi-bucket key with a name prefix)',
  async () => {
    const f = await startB2();
    const one = await f.bucket('one');
    const two = await f.bucket('two');
    const key = await f.master.keys.createKey({
      keyName: 'contract-multi',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'],
      bucketIds: [one.id, two.id],
      namePrefix: 'area/',
    });
    const provider = await f.connect(key.applicationKeyId, key.applicationKey);
    return { provider, root: `/${two.name}/area/contract`, cleanup: () => f.close() };
  },
  { writeOptions: { partSize: MIN_PART } },
);

runProviderContract(
  'b2 (one-bucket key)',
  async () => {
    const f = await startB2();
    const only = await f.bucket('only');
    const key = await f.master.keys.createKey({
      keyName: 'contract-one',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'],
      bucketIds: [only.id],
    });
    const provider = await f.connect(key.applicationKeyId, key.applicationKey);
    return { provider, root: `/${only.name}/contract`, cleanup: () => f.close() };
  },
  { writeOptions: { partSize: MIN_PART } },
);

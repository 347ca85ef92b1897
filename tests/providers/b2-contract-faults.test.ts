/**
 * The shared provider contract against the B2 provider while the built-in server injects faults:
 * 503 on uploads, 429 with Retry-After, expired tokens and connections dropped mid-body. Every
 * round trip in the suite compares bytes and SHA1, so "every byte intact" is what it proves.
 */
import { runProviderContract } from './contract/run-provider-contract.js';
import { MIN_PART, startB2 } from './b2/helpers.js';

runProviderContract(
  'b2 (fault injection)',
  async () => {
    const f = await startB2();
    const b = await f.bucket('faults');
    f.emu.setFaults({
      seed: 7,
      uploadFailureRate: 0.2,
      tooManyRequestsRate: 0.05,
      retryAfterSeconds: 0,
      expireTokenRate: 0.03,
      dropConnectionRate: 0.1,
    });
    return { provider: f.master, root: `/${b.name}/faulty`, cleanup: () => f.close() };
  },
  { writeOptions: { partSize: MIN_PART } },
);

/**
 * b2_get_bucket_notification_rules and b2_set_bucket_notification_rules (docs/b2-api.md §12):
 * a bucket's event notification rules, read with readBucketNotifications and replaced as a whole
 * with writeBucketNotifications. The server keeps and shows them; it delivers no events.
 */
import { bucketById } from './api-common.js';
import { requireBucket, requireCapability } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import type { NotificationRule } from '../store/bucket-settings.js';
import type { BucketRecord } from '../store/model.js';
import type { ApiContext } from '../state.js';
import { parseNotificationRules } from './notification-rules.js';

/** A rule as B2 answers it: B2's own fields added, sorted keys as in B2's examples. */
function ruleObject(r: NotificationRule): Record<string, unknown> {
  return {
    eventTypes: [...r.eventTypes],
    isEnabled: r.isEnabled,
    isSuspended: false,
    ...(r.maxEventsPerBatch === undefined ? {} : { maxEventsPerBatch: r.maxEventsPerBatch }),
    name: r.name,
    objectNamePrefix: r.objectNamePrefix,
    suspensionReason: '',
    targetConfiguration: {
      customHeaders: r.targetConfiguration.customHeaders?.map((h) => ({ ...h })) ?? null,
      hmacSha256SigningSecret: r.targetConfiguration.hmacSha256SigningSecret,
      targetType: r.targetConfiguration.targetType,
      url: r.targetConfiguration.url,
    },
  };
}

/** `{bucketId, eventNotificationRules}`, the rules sorted by name as B2 lists them. */
function rulesAnswer(b: BucketRecord): unknown {
  const rules = [...(b.notificationRules ?? [])].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { bucketId: b.bucketId, eventNotificationRules: rules.map(ruleObject) };
}

/** The bucket named by `bucketId`, once the key may use `capability` on it. */
function bucketFor(ctx: ApiContext, capability: string): BucketRecord {
  requireCapability(ctx.principal, capability);
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(ctx.principal, bucket.bucketId);
  return bucket;
}

/** b2_get_bucket_notification_rules. */
export function getBucketNotificationRules(ctx: ApiContext): unknown {
  return rulesAnswer(bucketFor(ctx, 'readBucketNotifications'));
}

/** b2_set_bucket_notification_rules: the given rules replace all of the bucket's. */
export async function setBucketNotificationRules(ctx: ApiContext): Promise<unknown> {
  const bucket = bucketFor(ctx, 'writeBucketNotifications');
  const raw = ctx.params.optAny('eventNotificationRules');
  if (raw === undefined) throw badRequest('required field eventNotificationRules is missing');
  const rules = parseNotificationRules(raw);
  const next: BucketRecord = { ...bucket, notificationRules: rules };
  await ctx.state.store.commit({ t: 'bucket', v: next });
  return rulesAnswer(next);
}

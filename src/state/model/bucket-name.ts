/**
 * B2's rules for a new bucket's name (docs/b2-api.md §4.6), checked before anything is sent so the
 * create-bucket dialog can say what is wrong while the name is still being typed. Pure.
 * Uniqueness (across all of B2, case ignored) only B2 can tell: that is its answer, not a rule here.
 */

/** Shortest and longest bucket name B2 accepts. */
export const BUCKET_NAME_LENGTH = { min: 6, max: 63 } as const;

/** Why `name` cannot be a bucket name, in words, or null when B2 would take it. */
export function bucketNameProblem(name: string): string | null {
  const { min, max } = BUCKET_NAME_LENGTH;
  if (name === '') return 'Type a name for the bucket.';
  if (!/^[A-Za-z0-9-]*$/.test(name)) return 'A bucket name may hold only letters, digits and hyphens (-).';
  if (name.length < min) return `A bucket name has at least ${min} characters (this one has ${name.length}).`;
  if (name.length > max) return `A bucket name has at most ${max} characters (this one has ${name.length}).`;
  if (name.toLowerCase().startsWith('b2-')) return 'A bucket name may not begin with "b2-" (B2 keeps those).';
  return null;
}

/** How long the local reveal history keeps entries. Pure, so the rule is unit-tested in plain Node. */

export const KEEP_DAYS = 90;
export const KEEP_ENTRIES = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The entries (oldest first) kept at `now`: those of the last 90 days, and of those the newest 10,000. */
export function retained<T extends { readonly time: string }>(entries: readonly T[], now: number): T[] {
  const oldest = now - KEEP_DAYS * DAY_MS;
  return entries.filter(({ time }) => Date.parse(time) >= oldest).slice(-KEEP_ENTRIES);
}

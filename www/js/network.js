// Facts about a fetched network that the page and the terminal summary
// share: which sent invitations are pending, their age in weeks, which are
// stale. No DOM here.

/** Pending sent invitations this old or older are stale: withdrawing them keeps room under LinkedIn's weekly cap. */
export const STALE_WEEKS = 3;
export const STALE_DAYS = STALE_WEEKS * 7;

// Note on the threshold: linkup-v1 and ConnectSafely give ages as "3 weeks
// ago" (precision "week", days 21 for 21–27 days), so "older than 21 days"
// would call the same invitation stale through linkup-v2 ("22d") and fresh
// through the others. Three whole weeks or more is the same for all three.

/** A sent invitation is pending unless the provider states another state (linkup-v2 and ConnectSafely state none: they list pending ones). */
export function isPending(invitation) {
  return invitation.state === null || invitation.state === "PENDING";
}

/** Whole weeks since it was sent, or null when the provider gave no usable age. */
export function ageInWeeks(invitation) {
  const days = invitation.sentAt?.days;
  return typeof days === "number" ? Math.floor(days / 7) : null;
}

export function isStale(invitation) {
  const weeks = ageInWeeks(invitation);
  return weeks !== null && weeks >= STALE_WEEKS;
}

/**
 * Pending sent invitations by age: { buckets: [{week, count, stale}] from
 * week 0 to the oldest (empty weeks included), unknown: count without an age,
 * pending, stale: the stale invitations, oldest first }.
 */
export function pendingByWeek(sentInvitations) {
  const pending = sentInvitations.filter(isPending);
  const counts = [];
  let unknown = 0;
  for (const invitation of pending) {
    const week = ageInWeeks(invitation);
    if (week === null) {
      unknown += 1;
      continue;
    }
    while (counts.length <= week) counts.push(0);
    counts[week] += 1;
  }
  const buckets = counts.map((count, week) => ({ week, count, stale: week >= STALE_WEEKS }));
  const stale = pending.filter(isStale).sort((a, b) => b.sentAt.days - a.sentAt.days);
  return { buckets, unknown, pending: pending.length, stale };
}

// The subrequest limit of one invocation (SUBREQUEST_LIMIT: 50 on Workers
// Free, 1000 on Paid), shared by the messages of a batch: each message gets an
// equal slice, and every subrequest it makes — provider calls, D1 queries (a
// batch counts each statement), queue sends, webhook POSTs — is taken from
// it. A slice never lends past its end: going over throws before the
// platform would, so an accounting mistake fails one message, not the batch.

/**
 * What a message keeps besides its sync: the account load (1), the commit
 * (a CAS, up to MAX_CHUNKS inserts, the schedule, the run log: 6), one
 * webhook round (select, POST, cursor: 3), the re-enqueue (1) and one spare.
 */
export const RESERVED = 12;

export class SubrequestBudgetError extends Error {
  constructor(used, limit) {
    super(`subrequest slice exhausted (${used} of ${limit})`);
    this.name = "SubrequestBudgetError";
    this.code = "SUBREQUEST_LIMIT";
  }
}

export class Slice {
  constructor(limit) {
    this.limit = limit;
    this.used = 0;
    /** Provider calls alone. */
    this.fetches = 0;
  }

  take(count = 1) {
    if (this.used + count > this.limit) throw new SubrequestBudgetError(this.used + count, this.limit);
    this.used += count;
  }

  get remaining() {
    return this.limit - this.used;
  }

  /** A fetch that takes one subrequest per call (the client's `fetch` option). */
  fetch() {
    return (input, init) => {
      this.take();
      this.fetches += 1;
      return fetch(input, init);
    };
  }

  /** The D1 binding, every statement counted. */
  db(db) {
    return {
      prepare: (sql) => db.prepare(sql),
      batch: (statements) => {
        this.take(statements.length);
        return db.batch(statements);
      },
      first: (statement) => {
        this.take();
        return statement.first();
      },
      all: (statement) => {
        this.take();
        return statement.all();
      },
      run: (statement) => {
        this.take();
        return statement.run();
      },
    };
  }
}

/** The limit of one invocation from the Worker's vars. */
export function invocationLimit(env) {
  const limit = Number(env.SUBREQUEST_LIMIT ?? 50);
  if (!Number.isInteger(limit) || limit < RESERVED + 1) throw new Error(`SUBREQUEST_LIMIT must be an integer above ${RESERVED}`);
  return limit;
}

/** Equal slices of the invocation's limit for `count` messages. */
export function slices(env, count) {
  const each = Math.floor(invocationLimit(env) / Math.max(1, count));
  if (each < RESERVED + 1) throw new Error(`max_batch_size too large for SUBREQUEST_LIMIT: ${each} subrequests a message`);
  return Array.from({ length: count }, () => new Slice(each));
}

import type pg from 'pg';

/**
 * A node's queue of write transactions in front of its write pool: at most
 * `concurrency` write connections are checked out at once; the rest wait here,
 * in order, with no time limit.
 *
 * Why: every write transaction of every node ends on the one version-counter row
 * (allocated last, held to the commit, see pg-batch-writes.ts). Measured on the
 * two-node bench, ten transactions per node each held a pooled connection while
 * they queued on that lock, so the pool ran dry and reads, sign-ins and the
 * adapter's publishes timed out after the pool's connect timeout. With the gate,
 * only a few transactions per node wait on the counter (enough to keep one
 * judging while another commits), a burst waits in this queue instead of in
 * PostgreSQL's lock queue, and the pool's connect timeout again means "PostgreSQL
 * does not answer" rather than "the node is busy".
 */
export class WriteGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`A write gate needs a concurrency of 1 or more (got ${concurrency}).`);
  }

  /** Resolves once this caller may check out a write connection; call `leave` exactly once after. */
  enter(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Transactions queued behind the gate (metrics, tests). */
  get queued(): number {
    return this.waiting.length;
  }
}

/** What the write paths use of a pooled client: statements, and giving it back. */
export type WriteClient = Pick<pg.PoolClient, 'query' | 'release'>;

/** What the write paths use of a pool: Kysely's PostgreSQL dialect and inPgTransaction need only these. */
export interface WritePool {
  connect(): Promise<WriteClient>;
  end(): Promise<void>;
}

/**
 * The write pool behind `gate`: `connect` waits for the gate, and the client's
 * `release` lets the next writer in. The client handed out delegates its
 * statements to the pooled one, which itself is never altered.
 */
export function gatedPool(pool: pg.Pool, gate: WriteGate): WritePool {
  return {
    async connect() {
      await gate.enter();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        gate.leave();
        throw error;
      }
      let released = false;
      return {
        query: client.query.bind(client) as pg.PoolClient['query'],
        release(destroy?: Error | boolean) {
          if (released) return;
          released = true;
          client.release(destroy);
          gate.leave();
        },
      };
    },
    end: () => pool.end(),
  };
}

import type { WriteClient, WritePool } from './write-gate';

/** PostgreSQL's codes for a transaction that lost a race and may simply run again. */
const RETRYABLE = new Set(['40P01' /* deadlock_detected */, '40001' /* serialization_failure */]);

function isRetryable(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '')
  );
}

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection. A
 * deadlock or serialization failure (two batches locking row keys in different
 * orders, see row-key-locks.ts) rolls back and runs the whole of `work` again, up
 * to `attempts` times: `work` must keep nothing from a failed attempt. A
 * connection that failed mid-transaction is destroyed, not returned to the pool.
 */
export async function inPgTransaction<T>(
  pool: WritePool,
  work: (client: WriteClient) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const value = await work(client);
      await client.query('commit');
      return value;
    } catch (error) {
      try {
        await client.query('rollback');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      if (attempt >= attempts || !isRetryable(error)) throw error;
    } finally {
      client.release(broken);
    }
  }
}

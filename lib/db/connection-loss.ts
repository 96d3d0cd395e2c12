import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/**
 * A dropped database connection (PostgreSQL restarted, a connection killed, a
 * network cut) used to reach the customer as "Une erreur inattendue" although
 * retrying would have worked (issue #13). The driver tells us here which requests
 * can be retried safely: reads outside a transaction are retried at once by the
 * pool; a server action is retried once by runAction when nothing it sent could
 * have committed (no COMMIT, no write outside a transaction) — that is known
 * only at the driver, so each action's work is traced.
 */
export type DatabaseTrace = { mayHaveCommitted: boolean; connectionLost: boolean };

const traces = new AsyncLocalStorage<DatabaseTrace>();

const LOSS_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004", "P1001", "P1017"]);
const LOSS_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|terminating connection due to administrator command|the database system is (starting up|shutting down)|Server has closed the connection|Can't reach database server/i;

/** Is this error (or one it wraps) a lost or refused database connection? */
export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const fields = error as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof fields.code === "string" && LOSS_CODES.has(fields.code)) return true;
  if (typeof fields.originalCode === "string" && LOSS_CODES.has(fields.originalCode)) return true;
  if (fields.kind === "DatabaseNotReachable" || fields.kind === "ConnectionClosed" || fields.kind === "SocketTimeout") return true;
  if (typeof fields.message === "string" && LOSS_MESSAGES.test(fields.message)) return true;
  return isConnectionLoss(fields.cause, depth + 1);
}

/** Runs work with a fresh trace of what it sent to the database. */
export async function traceDatabaseWork<T>(work: () => Promise<T>): Promise<{ value: T; trace: DatabaseTrace } | { error: unknown; trace: DatabaseTrace }> {
  const trace: DatabaseTrace = { mayHaveCommitted: false, connectionLost: false };
  try {
    return { value: await traces.run(trace, work), trace };
  } catch (error) {
    return { error, trace };
  }
}

const statementText = (query: unknown): string => (typeof query === "string" ? query : typeof query === "object" && query && "text" in query ? String((query as { text: unknown }).text) : "");

/** A SELECT with no side effect: running it twice is the same as once. */
export function isReadOnlyStatement(sql: string): boolean {
  return /^\s*(SELECT|SHOW)\b/i.test(sql) && !/\b(nextval|setval|pg_notify|pg_advisory_\w+|pg_try_advisory_\w+)\s*\(|graphile_worker\./i.test(sql);
}

/** Transaction control: commits nothing by itself (COMMIT is watched on the connection). */
const isTransactionControl = (sql: string) => /^\s*(BEGIN|ROLLBACK|SAVEPOINT|RELEASE|SET|DEALLOCATE)\b/i.test(sql);

function noteFailure(error: unknown) {
  const trace = traces.getStore();
  if (trace && isConnectionLoss(error)) trace.connectionLost = true;
}

/**
 * Each new connection of the pool marks the running trace when it sends COMMIT:
 * from then on the outcome of the transaction is not known to the caller if the
 * connection drops. Wrapped like pool.query below: the arguments pass through untouched.
 */
export function traceCommits(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const traced = (...args: unknown[]): unknown => {
      if (/^\s*COMMIT\b/i.test(statementText(args[0]))) {
        const trace = traces.getStore();
        if (trace) trace.mayHaveCommitted = true;
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch(noteFailure);
      return result;
    };
    client.query = traced as typeof client.query;
  });
}

export type WaitForDatabase = () => Promise<boolean>;

/**
 * Statements sent outside a transaction go through pool.query: writes mark the
 * trace, and a read that meets a dropped connection is run once more as soon as
 * the database answers — the home page no longer answers 500 during a restart.
 * Returns the wait itself, for callers that retry more than a statement (runAction).
 */
export function retryReadsOnConnectionLoss(pool: pg.Pool, options: { timeoutMs?: number; onRetry?: (sql: string) => void } = {}): WaitForDatabase {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  // Polls until the database answers again (a restart takes a fraction of a second).
  const waitForDatabase: WaitForDatabase = async () => {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    while (Date.now() < deadline) {
      try {
        await (query("SELECT 1") as Promise<unknown>);
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return false;
  };
  const traced = (...args: unknown[]): unknown => {
    const sql = statementText(args[0]);
    const readOnly = isReadOnlyStatement(sql);
    const trace = traces.getStore();
    if (trace && !readOnly && !isTransactionControl(sql)) trace.mayHaveCommitted = true;
    // Callback calls are pg's own; the adapter always uses the promise form with one argument.
    if (args.length !== 1) return query(...args);
    return (query(...args) as Promise<unknown>).catch(async (error: unknown) => {
      // Only a failure that reaches the caller marks the trace: a read retried here succeeded for it.
      if (!readOnly || !isConnectionLoss(error) || !(await waitForDatabase())) {
        noteFailure(error);
        throw error;
      }
      options.onRetry?.(sql);
      return (query(...args) as Promise<unknown>).catch((again: unknown) => {
        noteFailure(again);
        throw again;
      });
    });
  };
  pool.query = traced as typeof pool.query;
  return waitForDatabase;
}

import { Logger, runMigrations } from "graphile-worker";

/**
 * Creates or updates graphile-worker's own schema (graphile_worker.*). Run with
 * the app's migrations, so a use case can enqueue even before any worker started.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: new Logger(() => () => {}) });
}

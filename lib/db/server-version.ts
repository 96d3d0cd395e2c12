import { queryOnce } from "./database";

/** The oldest PostgreSQL Comptoir is tested on (Debian 12's packages; see the README's deployment section). */
export const OLDEST_POSTGRES = { major: 15, versionNum: 150000 };

export class UnsupportedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedPostgresError";
  }
}

/** Null when the server is recent enough, else the one sentence the start fails with. */
export function postgresSupportProblem(server: { versionNum: number; version: string }): string | null {
  if (server.versionNum >= OLDEST_POSTGRES.versionNum) return null;
  return `Comptoir needs PostgreSQL ${OLDEST_POSTGRES.major} or newer; the server at DATABASE_URL runs PostgreSQL ${server.version}.`;
}

/** Reads the server's version and refuses one that is too old, before any migration touches it. */
export async function assertSupportedPostgres(url: string): Promise<{ versionNum: number; version: string }> {
  const [row] = await queryOnce<{ num: string; version: string }>(url, "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version");
  const server = { versionNum: Number(row?.num ?? 0), version: String(row?.version ?? "unknown") };
  const problem = postgresSupportProblem(server);
  if (problem) throw new UnsupportedPostgresError(problem);
  return server;
}

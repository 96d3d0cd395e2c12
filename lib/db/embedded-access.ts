import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * As root, the embedded PostgreSQL runs as the system user "postgres", which must
 * be able to enter every folder above its binaries and its data. A clone under
 * /root (mode 700) fails deep inside initdb with a bare EACCES; this finds the
 * folder in the way first, so the start can say what to do.
 */
export type Account = { uid: number; gid: number } | null;

/** The "postgres" account from /etc/passwd, or null when it does not exist yet. */
export function postgresAccount(passwd = "/etc/passwd"): Account {
  try {
    const line = readFileSync(passwd, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("postgres:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
  } catch {
    return null;
  }
}

function canEnter(dir: string, account: Account): boolean {
  const stat = statSync(dir);
  if (account && stat.uid === account.uid) return (stat.mode & 0o100) !== 0;
  if (account && stat.gid === account.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** The first existing folder from "/" down to `target` that `account` cannot enter, or null. */
export function firstBlockedFolder(target: string, account: Account): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ["", ...parts]) {
    current = part ? path.join(current, part) : current;
    let blocked: boolean;
    try {
      blocked = !canEnter(current, account);
    } catch {
      return null; // does not exist yet: it will be created, reachable
    }
    if (blocked) return current;
  }
  return null;
}

export class EmbeddedAccessError extends Error {
  constructor(readonly folder: string) {
    super(
      `Started as root, the embedded PostgreSQL runs as the system user "postgres", who cannot enter ${folder}: ` +
        `move the project to a folder other users can enter (for example /srv/comptoir), start it as a regular user, or set DATABASE_URL to a PostgreSQL server.`,
    );
    this.name = "EmbeddedAccessError";
  }
}

/** Throws EmbeddedAccessError when, running as root, the postgres user could not reach these paths. */
export function assertPostgresCanReach(paths: string[], uid = process.getuid?.()): void {
  if (uid !== 0) return;
  const account = postgresAccount();
  for (const target of paths) {
    const folder = firstBlockedFolder(target, account);
    if (folder) throw new EmbeddedAccessError(folder);
  }
}

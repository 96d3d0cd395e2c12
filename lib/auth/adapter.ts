import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { PrismaClient } from "@/generated/prisma/client";
import { normalizeEmail } from "./email";

type UserRow = { id: string; email: string; name: string | null; emailVerified: Date | null };

function toAdapterUser(user: UserRow): AdapterUser {
  return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified };
}

const userColumns = { id: true, email: true, name: true, emailVerified: true } as const;

/**
 * The subset of a next-auth adapter that email sign-in with JWT sessions uses:
 * users and single-use verification tokens. (Sessions are JWTs, there are no
 * OAuth accounts.)
 */
export function comptoirAdapter(db: PrismaClient): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await db.user.create({
        data: { email: normalizeEmail(user.email), name: user.name ?? null, emailVerified: user.emailVerified },
        select: userColumns,
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id }, select: userColumns });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: userColumns });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const updated = await db.user.update({
        where: { id: user.id },
        data: { name: user.name ?? undefined, emailVerified: user.emailVerified ?? undefined },
        select: userColumns,
      });
      return toAdapterUser(updated);
    },
    async linkAccount() {
      return undefined;
    },
    async createVerificationToken(token) {
      await db.verificationToken.create({ data: { identifier: normalizeEmail(token.identifier), token: token.token, expires: token.expires } });
      return token;
    },
    /** Deletes and returns the token in one statement: a link works once, even when clicked twice at the same time. */
    async useVerificationToken({ identifier, token }) {
      const rows = await db.$queryRaw<{ identifier: string; token: string; expires: Date }[]>`
        DELETE FROM "VerificationToken" WHERE "identifier" = ${normalizeEmail(identifier)} AND "token" = ${token}
        RETURNING "identifier", "token", "expires"`;
      return rows[0] ?? null;
    },
  };
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { queueEmailAlone } from "@/lib/notifications/outbox";
import { comptoirAdapter } from "./adapter";
import { CUSTOMER_SESSION_HOURS, openAuthSession, revokeAuthSession } from "./auth-sessions";
import { emailSchema } from "./email";
import { loadActor } from "./load-actor";
import { checkPassword } from "./password";
import { signInEmail } from "./sign-in-email";

const SIGN_IN_LINK_MINUTES = 15;

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

let options: NextAuthOptions | undefined;

/**
 * next-auth configuration: email links for everyone, passwords for staff accounts,
 * JWT sessions that name an AuthSession row (so signing out really ends them).
 * Sign-in throttling happens in the route (app/api/auth/[...nextauth]).
 */
export function authOptions(): NextAuthOptions {
  options ??= {
    adapter: comptoirAdapter(db()),
    // The cookie may live a month; the AuthSession decides (staff sessions end sooner).
    session: { strategy: "jwt", maxAge: CUSTOMER_SESSION_HOURS * 3600 },
    pages: { signIn: "/connexion", verifyRequest: "/connexion/verifier", error: "/connexion/erreur" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        server: "smtp://unused.invalid", // delivery goes through sendVerificationRequest below
        // A malformed or oversized address is refused before anything is stored.
        normalizeIdentifier: (identifier) => emailSchema.parse(identifier),
        async sendVerificationRequest({ identifier, url }) {
          // Queued with top priority: the worker sends it within a second or two.
          await queueEmailAlone(db(), { ...signInEmail(url, SIGN_IN_LINK_MINUTES), to: identifier, kind: "sign-in" });
        },
      }),
      CredentialsProvider({
        id: "password",
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await db().user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, email: true, name: true, passwordHash: true },
          });
          // Same work whether or not the account has a password: timing tells nothing.
          if (!(await checkPassword(parsed.data.password, user?.passwordHash ?? null)) || !user) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger }) {
        const userId = user?.id ?? token.sub;
        if (user?.id) token.sid = (await openAuthSession(db(), user.id)).id;
        if (userId && (user || trigger === "update")) {
          const actor = await loadActor(db(), userId);
          if (actor.kind === "user") {
            token.roles = actor.roles;
            token.memberships = actor.memberships;
          }
        }
        return token;
      },
      async session({ session, token }) {
        session.sessionId = token.sid;
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.roles = token.roles ?? [];
          session.user.memberships = token.memberships ?? [];
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeAuthSession(db(), token.sid);
      },
    },
  };
  return options;
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { sendEmail } from "@/lib/notifications/mailer";
import { comptoirAdapter } from "./adapter";
import { emailSchema } from "./email";
import { loadActor } from "./load-actor";
import { verifyPassword } from "./password";
import { signInEmail } from "./sign-in-email";

const SIGN_IN_LINK_MINUTES = 15;

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

let options: NextAuthOptions | undefined;

/** next-auth configuration: email links for everyone, passwords for staff accounts, JWT sessions. */
export function authOptions(): NextAuthOptions {
  options ??= {
    adapter: comptoirAdapter(db()),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/connexion", verifyRequest: "/connexion/verifier", error: "/connexion/erreur" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        server: "smtp://unused.invalid", // delivery goes through sendVerificationRequest below
        async sendVerificationRequest({ identifier, url }) {
          await sendEmail(db(), { ...signInEmail(url, SIGN_IN_LINK_MINUTES), to: identifier, kind: "sign-in" });
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
          if (!user?.passwordHash) return null;
          if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger }) {
        const userId = user?.id ?? token.sub;
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
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.roles = token.roles ?? [];
          session.user.memberships = token.memberships ?? [];
        }
        return session;
      },
    },
  };
  return options;
}

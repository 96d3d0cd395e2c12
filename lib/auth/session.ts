import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/prisma";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { authOptions } from "./options";

/** The actor of the current request, built once per request from the session and the database. */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions());
  return loadActor(db(), session?.user?.id, { id: session?.sessionId });
});

/** The id of the current request's signed-in session (AuthSession), or null. */
export const getSessionId = cache(async (): Promise<string | null> => (await getServerSession(authOptions()))?.sessionId ?? null);

import "server-only";
import { revalidatePath } from "next/cache";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import type { ActionResult } from "./action-result";
import { runAction } from "./run-action";

/**
 * A console action on the admin's current territory (the one they switched to,
 * checked again by every use case): runs `work`, then re-renders `page` (an
 * internal route, locale segment and route group included).
 */
export async function territoryAdminAction(work: (actor: Actor, territoryId: string) => Promise<unknown>, page: { path: string; type: "page" | "layout" }): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    await work(actor, territory.id);
    return undefined;
  });
  if (result.ok) revalidatePath(page.path, page.type);
  return result;
}

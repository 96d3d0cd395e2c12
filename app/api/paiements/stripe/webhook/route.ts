import { db } from "@/lib/db/prisma";
import { configuredGateway } from "@/lib/payments/configured";
import { handleStripeEvent } from "@/lib/payments/webhook";
import { now } from "@/lib/time/clock";

/**
 * Stripe's webhook endpoint. The raw body's signature is checked first: a wrong
 * or stale signature (older than 5 minutes) or an altered body gets 400 and changes
 * nothing. A handled event answers 200, a replay too; a failure answers 500 so
 * Stripe delivers it again.
 */
export async function POST(request: Request) {
  const gateway = configuredGateway();
  if (!gateway) return new Response("Not found", { status: 404 });
  const body = await request.text();
  let event;
  try {
    event = gateway.parseWebhook(body, request.headers.get("stripe-signature") ?? "");
  } catch {
    return Response.json({ error: "invalid signature" }, { status: 400 });
  }
  const outcome = await handleStripeEvent(db(), gateway, event, now());
  return Response.json({ received: true, outcome });
}

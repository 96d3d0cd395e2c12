import "server-only";
import { headers } from "next/headers";
import { clientFromHeaders, type ClientAddress } from "./client-address";

/** The client of the current request (page, layout or server action). */
export async function requestClient(): Promise<ClientAddress> {
  return clientFromHeaders(await headers());
}

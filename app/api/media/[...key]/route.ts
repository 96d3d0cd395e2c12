import { MEDIA_KEY } from "@/lib/storage/media-store";
import { mediaStore } from "@/lib/storage/select-media-store";

/** Serves uploaded photos. Keys are random and never reused, so responses are cached for good. */
export async function GET(_request: Request, context: { params: Promise<{ key: string[] }> }) {
  const key = (await context.params).key.join("/");
  if (!MEDIA_KEY.test(key)) return new Response("Not found", { status: 404 });
  const body = await mediaStore().get(key);
  if (!body) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(body), { headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" } });
}

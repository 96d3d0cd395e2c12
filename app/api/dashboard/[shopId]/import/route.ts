import type { NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { applyImport, checkImportFile, MAX_IMPORT_BYTES } from "@/lib/catalog/import-products";
import { mayManageShop } from "@/lib/auth/guards";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { log } from "@/lib/log/logger";

const modeSchema = z.enum(["validate", "apply"]);

/**
 * Catalog import. mode=validate answers the per-row report; mode=apply checks
 * again, then streams progress as NDJSON lines while one transaction applies
 * the file ({"progress":n,"total":t} … {"done":{created,updated}}).
 * The caller's origin and shop membership are checked before the body is read.
 */
export async function POST(request: NextRequest, context: { params: Promise<{ shopId: string }> }) {
  if (!isSameOrigin(request.headers)) return Response.json({ ok: false, issues: [{ line: 0, code: "crossOrigin" }] }, { status: 403 });
  const { shopId } = await context.params;
  const actor = await getActor();
  if (!mayManageShop(actor, shopId)) return Response.json({ ok: false }, { status: 404 });
  // Browsers always say how long a file upload is; without it the body could be endless.
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length)) return Response.json({ ok: false, issues: [{ line: 0, code: "noFile" }] }, { status: 411 });
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return Response.json({ ok: false, issues: [{ line: 0, code: "fileTooLarge" }] }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const mode = modeSchema.safeParse(form?.get("mode"));
  const file = form?.get("file");
  if (!mode.success || !(file instanceof File)) return Response.json({ ok: false, issues: [{ line: 0, code: "noFile" }] }, { status: 400 });
  let result;
  try {
    result = checkImportFile({ actor, shopId, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ ok: false }, { status: 404 });
    throw error;
  }
  if (!result.ok) return Response.json({ ok: false, issues: result.issues.slice(0, 500), issueCount: result.issues.length }, { status: 422 });
  if (mode.data === "validate") return Response.json({ ok: true, rowCount: result.rows.length });

  const rows = result.rows;
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const done = await applyImport(db(), { actor, shopId, rows, onProgress: (progress, total) => send({ progress, total }) });
        send({ done });
      } catch (error) {
        log().error({ err: error, kind: "import" }, "catalog import failed");
        send({ error: "unexpected" });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}

"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ImportIssue } from "@/lib/catalog/import-products";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

type Phase =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "report"; issues: ImportIssue[]; count: number }
  | { kind: "ready"; rows: number }
  | { kind: "applying"; done: number; total: number }
  | { kind: "finished"; created: number; updated: number }
  | { kind: "failed"; code: string };

/** Check a CSV file, show every row's problem, then apply it with a live progress bar. */
export function ImportForm({ shopId }: { shopId: string }) {
  const t = useTranslations("dashboard");
  const tIssue = useTranslations("importIssues");
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const endpoint = `/api/dashboard/${shopId}/import`;

  const send = (mode: "validate" | "apply") => {
    const file = fileInput.current?.files?.[0];
    const body = new FormData();
    body.set("mode", mode);
    if (file) body.set("file", file);
    return fetch(endpoint, { method: "POST", body });
  };

  async function check() {
    setPhase({ kind: "checking" });
    const response = await send("validate");
    const json = (await response.json().catch(() => ({}))) as { ok?: boolean; rowCount?: number; issues?: ImportIssue[]; issueCount?: number };
    if (json.ok) setPhase({ kind: "ready", rows: json.rowCount ?? 0 });
    else setPhase({ kind: "report", issues: json.issues ?? [{ line: 0, code: "noFile" }], count: json.issueCount ?? json.issues?.length ?? 1 });
  }

  async function apply(total: number) {
    setPhase({ kind: "applying", done: 0, total });
    const response = await send("apply");
    if (!response.ok || !response.body) {
      const json = (await response.json().catch(() => ({}))) as { issues?: ImportIssue[] };
      setPhase(json.issues ? { kind: "report", issues: json.issues, count: json.issues.length } : { kind: "failed", code: "unexpected" });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as { progress?: number; total?: number; done?: { created: number; updated: number }; error?: string };
        if (event.progress !== undefined) setPhase({ kind: "applying", done: event.progress, total: event.total ?? total });
        if (event.done) {
          setPhase({ kind: "finished", ...event.done });
          router.refresh();
        }
        if (event.error) setPhase({ kind: "failed", code: event.error });
      }
    }
  }

  const busy = phase.kind === "checking" || phase.kind === "applying";
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block font-medium">{t("file")}</label>
        <input ref={fileInput} id="import-file" type="file" accept=".csv,text/csv" onChange={() => setPhase({ kind: "idle" })} className="block min-h-11 w-full max-w-md rounded-lg border border-gray-500 p-2" />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={check} disabled={busy} aria-busy={phase.kind === "checking"} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 disabled:opacity-60">
          {phase.kind === "checking" ? t("checking") : t("check")}
        </button>
        {phase.kind === "ready" && (
          <button type="button" onClick={() => apply(phase.rows)} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white">
            {t("applyImport", { count: phase.rows })}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="import-status">
        {phase.kind === "ready" && <p className="font-medium">{t("ready", { count: phase.rows })}</p>}
        {phase.kind === "applying" && (
          <div className="space-y-1">
            <p>{t("applying")}</p>
            <progress value={phase.done} max={phase.total} aria-label={t("progress")} className="h-4 w-full max-w-md" />
          </div>
        )}
        {phase.kind === "finished" && <p className="font-semibold text-brand-700">{t("imported", { created: phase.created, updated: phase.updated })}</p>}
        {phase.kind === "failed" && <p className="font-semibold text-red-800">{t("importFailed")}</p>}
      </div>
      {phase.kind === "report" && (
        <section aria-labelledby="import-report" className="rounded-xl border-2 border-red-800 bg-white p-4" data-testid="import-report">
          <h2 id="import-report" className="text-lg font-semibold text-red-900">{t("reportHeading")} ({t("reportCount", { count: phase.count })})</h2>
          <ScrollRegion labelledBy="import-report">
            <table className="mt-2 w-full text-left text-sm">
              <thead>
                <tr><th scope="col" className="p-1">{t("line")}</th><th scope="col" className="p-1">{t("column")}</th><th scope="col" className="p-1">{t("problem")}</th></tr>
              </thead>
              <tbody>
                {phase.issues.map((issue, index) => (
                  <tr key={index} className="border-t border-brand-100">
                    <td className="p-1">{issue.line || "—"}</td>
                    <td className="p-1">{issue.column ?? "—"}</td>
                    <td className="p-1">{tIssue.has(issue.code) ? tIssue(issue.code) : issue.code}{issue.value ? ` : « ${issue.value} »` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
    </div>
  );
}

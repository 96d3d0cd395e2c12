import "server-only";
import { getTranslations } from "next-intl/server";

/** An action's error key (and details) in the visitor's language, as components/ui/useErrorText.ts says it in the browser. */
export async function actionErrorMessage(key: string, details?: Record<string, unknown>): Promise<string> {
  const t = await getTranslations("errors");
  const values = Object.fromEntries(Object.entries(details ?? {}).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Record<string, string | number>;
  return t.has(key) ? t(key, values) : t("unexpected");
}

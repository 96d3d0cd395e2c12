"use client";

import { useTranslations } from "next-intl";

/** Translates an action's error key (and its details) under "errors"; unknown keys fall back to a generic message. */
export function useErrorText() {
  const t = useTranslations("errors");
  return (key: string, values?: Record<string, unknown>) => {
    const safe = Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Record<string, string | number>;
    return t.has(key) ? t(key, safe) : t("unexpected");
  };
}

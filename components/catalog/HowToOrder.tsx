import { getTranslations } from "next-intl/server";

export async function HowToOrder() {
  const t = await getTranslations("home");
  const steps = [t("howStep1"), t("howStep2"), t("howStep3")];
  return (
    <section aria-labelledby="how-heading" className="space-y-4 rounded-xl bg-brand-50 p-6">
      <h2 id="how-heading" className="text-2xl font-semibold">
        {t("howHeading")}
      </h2>
      <ol className="grid gap-4 sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step} className="flex gap-3">
            <span aria-hidden="true" className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-600 font-bold text-white">
              {index + 1}
            </span>
            <span>{step}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Stripe's API takes form-encoded bodies with bracketed keys
 * ("line_items[0][price_data][currency]=eur"); this reads them into objects.
 */
export type FormValue = string | FormObject | FormValue[];
export type FormObject = { [key: string]: FormValue };

export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: FormObject | FormValue[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[index + 1] ?? "");
      const container = node as Record<string, FormValue>;
      if (last) {
        container[part] = value;
        return;
      }
      container[part] ??= nextIsIndex ? [] : {};
      node = container[part] as FormObject | FormValue[];
    });
  }
  return root;
}

export const text = (value: FormValue | undefined): string | undefined => (typeof value === "string" ? value : undefined);
export const integer = (value: FormValue | undefined): number | undefined => (typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : undefined);
export const object = (value: FormValue | undefined): FormObject => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
export const list = (value: FormValue | undefined): FormValue[] => (Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : []);

/**
 * Safe reading of a server action's form. Anyone can post to an action with any
 * body, so the argument is not trusted to be a FormData: a malformed call reads as
 * an empty form, and the use case's validation refuses it like a blank form.
 */
export type FormFields = {
  /** The field's text, or "" when absent or not text */
  text(name: string): string;
  /** The field's text, or undefined when absent, empty or not text */
  optional(name: string): string | undefined;
  /** Every text value of a repeated field (checkboxes, multi-selects) */
  all(name: string): string[];
  /** An uploaded file, or null */
  file(name: string): File | null;
  /** True when the field was sent with this value (a checked checkbox sends "on") */
  flag(name: string, value?: string): boolean;
};

export function formFields(formData: unknown): FormFields {
  const form = formData instanceof FormData ? formData : new FormData();
  const text = (name: string) => {
    const value = form.get(name);
    // PostgreSQL refuses NUL bytes in text: such a value is no value.
    return typeof value === "string" && !value.includes("\u0000") ? value : "";
  };
  return {
    text,
    optional: (name) => text(name) || undefined,
    all: (name) => form.getAll(name).filter((v): v is string => typeof v === "string" && !v.includes("\u0000")),
    file: (name) => {
      const value = form.get(name);
      return value instanceof File ? value : null;
    },
    flag: (name, value = "on") => text(name) === value,
  };
}

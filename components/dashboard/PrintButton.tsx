"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 print:hidden">
      {label}
    </button>
  );
}

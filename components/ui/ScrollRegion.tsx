import type { ReactNode } from "react";

/**
 * A table that may be wider than the screen scrolls sideways inside this region; the
 * region takes the keyboard focus (WCAG 2.1.1, axe's scrollable-region-focusable) so
 * that someone without a mouse can scroll it with the arrow keys, and it is named.
 */
export function ScrollRegion({ label, labelledBy, className = "", children }: { label?: string; labelledBy?: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700 ${className}`}>
      {children}
    </div>
  );
}

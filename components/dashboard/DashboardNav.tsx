"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function DashboardNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = links.filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  const list = useRef<HTMLUListElement>(null);
  // One row that scrolls sideways on a phone (three wrapped rows pushed the day's orders off screen): keep the current tab in view.
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav aria-label={label} className="border-b border-brand-100">
      <ul ref={list} className="-mb-px flex gap-x-1 overflow-x-auto whitespace-nowrap [scrollbar-width:thin]">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current?.href === link.href ? "page" : undefined}
              className="flex min-h-11 items-center border-b-4 border-transparent px-4 font-medium aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-800"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

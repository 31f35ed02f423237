"use client";

import { usePathname } from "next/navigation";
import { Languages } from "lucide-react";

export const LOCALE_STORAGE_KEY = "satu-locale";

/** Links to the same page in the other language and remembers the choice for `/`. */
export function LocaleSwitch({
  current,
  target,
  short,
  label,
  className,
}: {
  current: string;
  target: string;
  short: string;
  label: string;
  /** Button classes, merged on the server (see site-header) so tailwind-merge is not shipped. */
  className: string;
}) {
  const pathname = usePathname() || `/${current}/`;
  const href = pathname.replace(new RegExp(`^/${current}(?=/|$)`), `/${target}`);
  return (
    <a
      href={href}
      hrefLang={target}
      lang={target}
      title={label}
      data-testid="locale-switch"
      className={className}
      onClick={(e) => {
        try {
          localStorage.setItem(LOCALE_STORAGE_KEY, target);
        } catch {
          /* private mode: the link still works */
        }
        // Keep the query and fragment (a reset link's token, sign-in's `next`).
        e.currentTarget.href = href + location.search + location.hash;
      }}
    >
      <Languages aria-hidden />
      <span>{short}</span>
      <span className="sr-only">{label}</span>
    </a>
  );
}

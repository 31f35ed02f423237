"use client";

import { usePathname } from "next/navigation";
import { Languages } from "lucide-react";
import { cn } from "@/lib/utils";
import { buttonVariants } from "@/components/ui/button";

export const LOCALE_STORAGE_KEY = "satu-locale";

/** Links to the same page in the other language and remembers the choice for `/`. */
export function LocaleSwitch({
  current,
  target,
  short,
  label,
}: {
  current: string;
  target: string;
  short: string;
  label: string;
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
      className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "gap-1.5 px-2.5")}
      onClick={() => {
        try {
          localStorage.setItem(LOCALE_STORAGE_KEY, target);
        } catch {
          /* private mode: the link still works */
        }
      }}
    >
      <Languages aria-hidden />
      <span>{short}</span>
      <span className="sr-only">{label}</span>
    </a>
  );
}

"use client";

import { Moon, Sun } from "lucide-react";
import { buttonVariants } from "@/components/ui/button-variants";
import { THEME_STORAGE_KEY } from "@/lib/theme";

/** Flips between light and dark; until the first click the system preference rules (see ThemeScript). */
export function ThemeToggle({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-slot="button"
      className={buttonVariants({ variant: "ghost", size: "icon" })}
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
      onClick={() => {
        const root = document.documentElement;
        const dark = !root.classList.contains("dark");
        try {
          localStorage.setItem(THEME_STORAGE_KEY, dark ? "dark" : "light");
        } catch {
          /* private mode: the switch still applies to this page */
        }
        // Switch the colours at once rather than animating every `transition-colors` element:
        // transitions are off until the new theme has been styled (two frames), then restored.
        const style = document.createElement("style");
        style.textContent = "*,*::before,*::after{transition:none!important}";
        document.head.appendChild(style);
        root.classList.toggle("dark", dark);
        root.classList.toggle("light", !dark);
        root.style.colorScheme = dark ? "dark" : "light";
        requestAnimationFrame(() => requestAnimationFrame(() => style.remove()));
      }}
    >
      {/* The icon follows the class on <html> through CSS: no theme state in React. */}
      <Sun aria-hidden className="hidden dark:block" />
      <Moon aria-hidden className="block dark:hidden" />
    </button>
  );
}

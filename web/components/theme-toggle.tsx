"use client";

import { Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { buttonVariants } from "@/components/ui/button-variants";

/** Flips between light and dark; until the first click the system preference rules. */
export function ThemeToggle({ label }: { label: string }) {
  const { resolvedTheme, setTheme } = useTheme();
  return (
    <button
      type="button"
      data-slot="button"
      className={buttonVariants({ variant: "ghost", size: "icon" })}
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
      onClick={() => {
        // Switch the colours at once rather than animating every `transition-colors` element:
        // transitions are off until the new theme has been styled (two frames), then restored.
        const style = document.createElement("style");
        style.textContent = "*,*::before,*::after{transition:none!important}";
        document.head.appendChild(style);
        setTheme(resolvedTheme === "dark" ? "light" : "dark");
        requestAnimationFrame(() => requestAnimationFrame(() => style.remove()));
      }}
    >
      <Sun aria-hidden className="hidden dark:block" />
      <Moon aria-hidden className="block dark:hidden" />
    </button>
  );
}

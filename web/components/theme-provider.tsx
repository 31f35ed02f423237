"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";

export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    // No `disableTransitionOnChange`: next-themes would then inject and remove a global
    // `transition:none` style on every page load (twice with the system theme), forcing two
    // whole-document style recalculations during hydration. ThemeToggle suppresses
    // transitions itself, only when the user switches.
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem>
      {children}
    </NextThemesProvider>
  );
}

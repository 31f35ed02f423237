import type { Page } from "@playwright/test";

export const LOCALES = ["id", "en"] as const;
export const THEMES = ["light", "dark"] as const;
export const PAGES = ["", "docs", "signup", "status", "terms", "privacy"] as const;

export type Locale = (typeof LOCALES)[number];
export type Theme = (typeof THEMES)[number];

export const path = (locale: string, page = "") => (page ? `/${locale}/${page}/` : `/${locale}/`);

/** Opens a page in a given system theme with motion reduced (the demo shows its final frame). */
export async function open(page: Page, url: string, theme: Theme = "light") {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
  const res = await page.goto(url);
  await page.waitForLoadState("load");
  return res;
}

export function shotPath(name: string) {
  return `test-results/screenshots/${name}.png`;
}

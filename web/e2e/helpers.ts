import { expect, type Locator, type Page } from "@playwright/test";

export const LOCALES = ["id", "en"] as const;
export const THEMES = ["light", "dark"] as const;
/** The public site's pages (header and footer); the auth and app pages are in app-pages.spec.ts. */
export const PAGES = ["", "docs", "status", "terms", "privacy"] as const;

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

/**
 * Waits until React has hydrated the element behind `locator` (its props, and so its event
 * handlers, are attached). Before that a click on it is a click on inert server HTML and may
 * be lost; `load` does not guarantee hydration has finished on a slow machine.
 */
export async function hydrated(locator: Locator, timeout = 15_000) {
  await expect
    .poll(() => locator.first().evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), { timeout })
    .toBe(true);
}

/**
 * The widest horizontal overflow (scrollWidth - innerWidth) seen over `frames` animation
 * frames, starting now: a layout that overflows for only a frame or two (e.g. a chart that
 * follows its box through a ResizeObserver) is caught, not sampled by luck.
 */
export async function maxOverflow(page: Page, frames = 12) {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        let max = document.documentElement.scrollWidth - window.innerWidth;
        let left = n;
        const step = () => {
          max = Math.max(max, document.documentElement.scrollWidth - window.innerWidth);
          if (--left <= 0) resolve(max);
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

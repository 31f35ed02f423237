// Light/dark theme without a React provider (this replaced next-themes: no context, no
// client component around the whole page, less JS). The class on <html> ("light" or "dark",
// for Tailwind's `dark:` variant) and `color-scheme` are set by this inline script before the
// first paint: the saved choice (localStorage "theme", written by ThemeToggle) wins, else dark
// in the dashboard and the system preference elsewhere, which the script keeps following while no choice is saved. It also
// follows a choice made in another tab. <html> carries suppressHydrationWarning because this
// script changes its class before React hydrates.

import { THEME_STORAGE_KEY } from "@/lib/theme";

const script = `(() => {
  const root = document.documentElement;
  const media = matchMedia("(prefers-color-scheme: dark)");
  const saved = () => { try { return localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)}); } catch { return null; } };
  const apply = () => {
    const choice = saved();
    // The dashboard (/{locale}/app/…) and the admin panel (/{locale}/admin/…) are dark until
    // the user picks; the site follows the system.
    const app = ["app", "admin"].includes(location.pathname.split("/")[2]);
    const dark = choice === "dark" || (choice !== "light" && (app || media.matches));
    root.classList.toggle("dark", dark);
    root.classList.toggle("light", !dark);
    root.style.colorScheme = dark ? "dark" : "light";
  };
  apply();
  media.addEventListener("change", apply);
  addEventListener("storage", (e) => { if (e.key === ${JSON.stringify(THEME_STORAGE_KEY)}) apply(); });
})()`;

export function ThemeScript() {
  // Rendered first in <body>, so it runs before anything below it is painted.
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}

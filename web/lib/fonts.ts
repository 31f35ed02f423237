import localFont from "next/font/local";

// Geist, subset to the Latin the site uses (fonts/*.woff2, made by scripts/subset-fonts.sh
// from the `geist` npm package; next/font/google needs the network): 18 KB + 8 KB instead
// of 69 KB + 50 KB.
//
// `display: optional` without a preload: the browser waits a moment (about 100 ms) for the
// font, else keeps the fallback for this page view and uses the cached font on the next one,
// so text never re-flows after the first paint (no layout shift). A font preload made
// Chromium hold the first paint back (often by a second or more in Lighthouse runs) and
// `swap` without it shifted the layout (CLS 0.08); see docs/web.md, "Budgets".
export const sans = localFont({
  src: "../fonts/geist-sans-latin.woff2",
  variable: "--font-geist-sans",
  weight: "400 700",
  display: "optional",
  preload: false,
  fallback: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"],
});

export const mono = localFont({
  src: "../fonts/geist-mono-latin.woff2",
  variable: "--font-geist-mono",
  weight: "400",
  display: "optional",
  preload: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"],
});

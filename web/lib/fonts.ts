import localFont from "next/font/local";

// Geist, subset to the Latin the site uses (fonts/*.woff2, made by scripts/subset-fonts.sh
// from the `geist` npm package; next/font/google needs the network). 18 KB + 8 KB instead
// of 69 KB + 50 KB. Sans is preloaded: it paints the hero. Mono only draws the terminal and
// code samples, so it is not preloaded and swaps in when it arrives.
export const sans = localFont({
  src: "../fonts/geist-sans-latin.woff2",
  variable: "--font-geist-sans",
  weight: "400 700",
  display: "swap",
  preload: false,
  fallback: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"],
});

export const mono = localFont({
  src: "../fonts/geist-mono-latin.woff2",
  variable: "--font-geist-mono",
  weight: "400",
  display: "swap",
  preload: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"],
});

// Reports the JS a page loads up front, gzip -9: its <script src> tags (not noModule) and the
// chunks the deferred loader of scripts/defer-scripts.mjs fetches after the first paint.
// Usage: node scripts/first-load-js.mjs [page ...]   (default: id/ en/ 404.html)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const OUT = new URL("../out/", import.meta.url).pathname;
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ["id/", "en/", "404.html"];
for (const page of pages) {
  const file = OUT + (page.endsWith("/") ? `${page}index.html` : page);
  const html = readFileSync(file, "utf8");
  const srcs = [...html.matchAll(/<script src="([^"]+)"([^>]*)>/g)].filter((m) => !/noModule/i.test(m[2])).map((m) => m[1]);
  for (const m of html.matchAll(/<script>\(function\(\)\{var s=(\[[^\]]*\])/g)) srcs.push(...JSON.parse(m[1]));
  let raw = 0;
  let gz = 0;
  for (const src of new Set(srcs)) {
    const body = readFileSync(OUT + decodeURIComponent(src.replace(/^\//, "")));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`${page}: ${srcs.length} scripts, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip; HTML ${(gzipSync(html, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`);
}

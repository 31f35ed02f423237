// After `next build` (before precompress): in every exported page, Next's <script src async>
// chunks (React, the router, the page's client components) are requested only once the
// first frame has been painted, by a small inline loader at the end of <body>, instead of
// from <head> while the page is still loading.
//
// Why: the pages are fully rendered HTML. On a slow phone connection the ~140 KB (gzip) of
// JS otherwise shares the bandwidth with the HTML, CSS and font that paint the page, and its
// start-up work runs before the first paint; deferred, the text paints first and React
// hydrates right after (Lighthouse mobile LCP: about 2.6 s -> 1.4 s, see docs/web.md).
// Until hydration, links work as plain links and the HTML is complete; controls that need
// React (tabs, toggles, theme switch) respond once it has loaded.
//
// The loader waits for the browser's first-contentful-paint entry (the frame is on screen, not
// just recorded), or for the next animation frame where paint timing is missing; a timer
// covers tabs opened in the background, which do not paint. `noModule` polyfills stay as
// they are. The root chooser page (out/index.html) is left alone: its only job is a
// script-driven redirect.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const OUT = new URL("../out/", import.meta.url).pathname;
const SKIP = new Set(["index.html"]);
const SCRIPT = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
const PRELOAD = /<link rel="preload" as="script"[^>]*href="(\/_next\/static\/[^"]+\.js)"[^>]*\/>/g;

export function deferScripts(html) {
  const srcs = [];
  let out = html.replace(SCRIPT, (_, src) => {
    if (!srcs.includes(src)) srcs.push(src);
    return "";
  });
  out = out.replace(PRELOAD, (_, src) => {
    if (!srcs.includes(src)) srcs.push(src);
    return "";
  });
  if (!srcs.length) return null;
  // ES5 on purpose: it runs before any polyfill. JSON.stringify of "/_next/..." paths cannot
  // contain "</script>".
  const loader =
    "<script>(function(){var s=" +
    JSON.stringify(srcs) +
    ",d=0;function go(){if(d)return;d=1;for(var i=0;i<s.length;i++){var e=document.createElement(\"script\");" +
    "e.src=s[i];e.async=true;document.head.appendChild(e)}}" +
    // The first-contentful-paint entry arrives once the frame is on screen.
    "try{new PerformanceObserver(function(l){if(l.getEntriesByName(\"first-contentful-paint\").length)setTimeout(go,0)})" +
    ".observe({type:\"paint\",buffered:true})}catch(x){requestAnimationFrame(function(){setTimeout(go,0)})}" +
    "setTimeout(go,3000)})()</script>";
  if (!out.includes("</body>")) throw new Error("no </body>");
  return { html: out.replace("</body>", `${loader}</body>`), srcs };
}

// V8's explicit compile hint (Chrome 136+, ignored elsewhere): every function of a chunk marked
// this way is compiled eagerly, on a background thread while the file downloads, instead of
// lazily on the main thread the first time it is called. The start-up chunks run almost all
// their functions at once (React, the router), so this moves about half of their main-thread
// evaluation off the main thread. Added at the top of each chunk a page loads up front (the
// file names stay: they are build ids, nothing checks the content against them).
const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";
export function addCompileHint(js) {
  return js.startsWith(COMPILE_HINT) ? js : COMPILE_HINT + js;
}

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, files);
    else if (name.endsWith(".html")) files.push(p);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let pages = 0;
  const chunks = new Set();
  for (const file of walk(OUT)) {
    if (SKIP.has(relative(OUT, file))) continue;
    const res = deferScripts(readFileSync(file, "utf8"));
    if (!res) {
      // Next's markup changed? The page still works, it just loads its JS the usual way.
      console.warn(`defer-scripts: WARNING: no <script src async> chunks in ${relative(OUT, file)}`);
      continue;
    }
    writeFileSync(file, res.html);
    res.srcs.forEach((src) => chunks.add(src));
    pages++;
  }
  for (const src of chunks) {
    const file = join(OUT, decodeURIComponent(src));
    writeFileSync(file, addCompileHint(readFileSync(file, "utf8")));
  }
  console.log(`defer-scripts: ${pages} pages load their JS after the first paint; ${chunks.size} chunks get a compile hint`);
}

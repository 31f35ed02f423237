// After `next build`: writes .gz and .br beside every text file in out/, so a server that
// serves precompressed files (tower-http ServeDir::precompressed_gzip/_br) sends them
// compressed without spending CPU per request. Harmless for servers that ignore them.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const OUT = new URL("../out/", import.meta.url).pathname;
const TEXT = /\.(html|js|css|txt|xml|json|svg|map)$/;
let files = 0;
let before = 0;
let after = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (TEXT.test(name) && statSync(p).size >= 1024) {
      const body = readFileSync(p);
      const gz = gzipSync(body, { level: 9 });
      const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(`${p}.gz`, gz);
      writeFileSync(`${p}.br`, br);
      files++;
      before += body.length;
      after += br.length;
    }
  }
}

walk(OUT);
console.log(`precompress: ${files} files, ${(before / 1024).toFixed(0)} KiB -> ${(after / 1024).toFixed(0)} KiB brotli`);

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Static export: `satu serve` hands out the files in `out/` (SATU__WEB__DIR).
// trailingSlash makes every route a folder with an index.html (`/id/` ->
// `out/id/index.html`), which any static file server resolves without rewrites.
const nextConfig: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);

import type { MetadataRoute } from "next";
import { routing } from "@/i18n/routing";
import { localePath } from "@/lib/metadata";
import { absoluteUrl } from "@/lib/site";

export const dynamic = "force-static";

/** Every public page, in both languages, with hreflang alternates. */
export const PAGES = ["", "docs", "signup", "status", "terms", "privacy"];

export default function sitemap(): MetadataRoute.Sitemap {
  return PAGES.flatMap((path) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(localePath(locale, path)),
      changeFrequency: "weekly" as const,
      priority: path === "" ? 1 : 0.6,
      alternates: {
        languages: Object.fromEntries(routing.locales.map((l) => [l, absoluteUrl(localePath(l, path))])),
      },
    })),
  );
}

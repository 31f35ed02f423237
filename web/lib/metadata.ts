import type { Metadata } from "next";
import { routing, type Locale } from "@/i18n/routing";
import { SITE_NAME, SITE_URL, absoluteUrl } from "@/lib/site";

/** `/id/docs/` for (id, "docs"); `/id/` for (id, ""). */
export function localePath(locale: Locale, path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, "");
  return clean ? `/${locale}/${clean}/` : `/${locale}/`;
}

/** Per-locale metadata with canonical, hreflang alternates and Open Graph. */
export function pageMetadata(opts: {
  locale: Locale;
  path: string;
  title: string;
  description: string;
  ogAlt: string;
  absoluteTitle?: boolean;
}): Metadata {
  const { locale, path, title, description, ogAlt } = opts;
  const languages: Record<string, string> = {};
  for (const l of routing.locales) languages[l] = absoluteUrl(localePath(l, path));
  languages["x-default"] = absoluteUrl(localePath(routing.defaultLocale, path));
  return {
    metadataBase: new URL(SITE_URL),
    title: opts.absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: absoluteUrl(localePath(locale, path)), languages },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      title,
      description,
      url: absoluteUrl(localePath(locale, path)),
      locale: locale === "id" ? "id_ID" : "en_US",
      alternateLocale: locale === "id" ? ["en_US"] : ["id_ID"],
      images: [{ url: absoluteUrl("/og.png"), width: 1200, height: 630, alt: ogAlt }],
    },
    twitter: { card: "summary_large_image", title, description, images: [absoluteUrl("/og.png")] },
  };
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { localePath } from "@/lib/metadata";
import { CONTACT_EMAIL } from "@/lib/site";
import { Logo } from "@/components/logo";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Footer" });
  const nav = await getTranslations({ locale, namespace: "Nav" });
  const p = (path: string) => localePath(locale, path);
  const columns = [
    {
      title: t("product"),
      links: [
        { href: `${p("")}#features`, label: nav("features") },
        { href: `${p("")}#pricing`, label: nav("pricing") },
        { href: p("signup"), label: nav("start") },
      ],
    },
    {
      title: t("resources"),
      links: [
        { href: p("docs"), label: t("docs") },
        { href: `${p("docs")}#api`, label: t("api") },
        { href: p("status"), label: t("status") },
      ],
    },
    {
      title: t("legal"),
      links: [
        { href: p("terms"), label: t("terms") },
        { href: p("privacy"), label: t("privacy") },
        { href: `mailto:${CONTACT_EMAIL}`, label: t("contact") },
      ],
    },
  ];
  return (
    <footer className="border-t border-border bg-muted/40">
      <div className="mx-auto grid max-w-6xl grid-cols-2 gap-10 px-4 py-14 sm:grid-cols-3 sm:px-6 md:grid-cols-[1.4fr_1fr_1fr_1fr]">
        <div className="col-span-2 space-y-3 sm:col-span-3 md:col-span-1">
          <Logo />
          <p className="max-w-xs text-sm text-muted-foreground">{t("tagline")}</p>
          <p className="text-sm text-muted-foreground">{t("madeIn")}</p>
        </div>
        {columns.map((col) => (
          <nav key={col.title} aria-label={col.title} className="space-y-3 text-sm">
            <h2 className="font-semibold">{col.title}</h2>
            <ul className="space-y-2">
              {col.links.map((l) => (
                <li key={l.href}>
                  {l.href.startsWith("mailto:") ? (
                    <a href={l.href} className="text-muted-foreground hover:text-foreground">
                      {l.label}
                    </a>
                  ) : (
                    <Link href={l.href} className="text-muted-foreground hover:text-foreground">
                      {l.label}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t border-border">
        <p className="mx-auto max-w-6xl px-4 py-6 text-xs text-muted-foreground sm:px-6">
          {t("rights", { year: new Date().getFullYear() })}
        </p>
      </div>
    </footer>
  );
}

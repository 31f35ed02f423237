import Link from "next/link";
import type { Metadata } from "next";
import { sans } from "@/lib/fonts";
import { absoluteUrl, SITE_URL } from "@/lib/site";
import { LocaleRedirect } from "@/components/locale-redirect";
import { LogoMark } from "@/components/logo";

// `/` has no language of its own: the browser picks one (see LocaleRedirect).
export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: { absolute: "Satu — Akses Semua AI Model dengan 1 API Key" },
  description: "Satu: one API key for every AI model. Satu API key untuk semua model AI.",
  alternates: {
    canonical: absoluteUrl("/id/"),
    languages: { id: absoluteUrl("/id/"), en: absoluteUrl("/en/"), "x-default": absoluteUrl("/id/") },
  },
};

export default function RootPage() {
  return (
    <html lang="id" className={sans.variable}>
      <body className="flex min-h-dvh items-center justify-center">
        <LocaleRedirect />
        <main className="flex flex-col items-center gap-6 p-6 text-center">
          <LogoMark className="size-12" />
          <h1 className="text-2xl font-semibold tracking-tight">Satu</h1>
          <ul className="flex gap-3">
            <li>
              <Link href="/id/" hrefLang="id" lang="id" className="rounded-lg border border-border px-4 py-2 hover:bg-muted">
                Bahasa Indonesia
              </Link>
            </li>
            <li>
              <Link href="/en/" hrefLang="en" lang="en" className="rounded-lg border border-border px-4 py-2 hover:bg-muted">
                English
              </Link>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}

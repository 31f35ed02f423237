import Link from "next/link";
import type { Metadata } from "next";
import { sans } from "@/lib/fonts";
import { LogoMark } from "@/components/logo";

// Exported as out/404.html; the server answers unknown paths with it. The
// language is unknown here, so the page speaks both.
export const metadata: Metadata = { title: "404 — Satu", robots: { index: false } };

export default function NotFound() {
  return (
    <html lang="id" className={sans.variable}>
      <body className="flex min-h-dvh items-center justify-center">
        <main className="flex max-w-md flex-col items-center gap-4 p-6 text-center">
          <LogoMark className="size-12" />
          <p className="font-mono text-sm text-muted-foreground">404</p>
          <h1 className="text-2xl font-semibold tracking-tight">Halaman tidak ditemukan</h1>
          <p className="text-muted-foreground" lang="en">
            Page not found.
          </p>
          <div className="mt-2 flex gap-3">
            <Link href="/id/" hrefLang="id" className="rounded-lg bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
              Ke beranda
            </Link>
            <Link href="/en/" hrefLang="en" lang="en" className="rounded-lg border border-border px-4 py-2 text-sm font-medium hover:bg-muted">
              Go home
            </Link>
          </div>
        </main>
      </body>
    </html>
  );
}

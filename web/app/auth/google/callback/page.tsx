import type { Metadata } from "next";
import { sans } from "@/lib/fonts";
import { LocaleRedirect } from "@/components/locale-redirect";

// Google's redirect URI (`{api.public_url}/auth/google/callback`) has no language: forward to
// the page that finishes the sign-in, in the browser's language, with `code` and `state`.
export const metadata: Metadata = { title: "Satu", robots: { index: false } };

export default function GoogleCallbackRedirect() {
  return (
    <html lang="id" className={sans.variable}>
      <body className="flex min-h-dvh items-center justify-center">
        <LocaleRedirect to="auth/google/" />
        <p className="text-sm text-muted-foreground">Satu…</p>
      </body>
    </html>
  );
}

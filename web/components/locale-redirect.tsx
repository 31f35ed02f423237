"use client";

import { useEffect } from "react";
import { LOCALE_STORAGE_KEY } from "@/components/locale-switch";

const LOCALES = ["id", "en"];

/** Picks `/id/` or `/en/`: a saved choice first, then the browser's languages, then Indonesian. */
export function chooseLocale(saved: string | null, languages: readonly string[]): string {
  if (saved && LOCALES.includes(saved)) return saved;
  for (const lang of languages) {
    const base = lang.toLowerCase().split("-")[0];
    if (base === "id" || base === "ms") return "id";
    if (base === "en") return "en";
  }
  return "id";
}

/** Sends the browser to `/{locale}/{to}` (the page `to` in the chosen language), query and hash kept. */
export function LocaleRedirect({ to = "" }: { to?: string }) {
  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    } catch {
      saved = null;
    }
    const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
    const locale = chooseLocale(saved, langs);
    const { search, hash } = window.location;
    window.location.replace(`/${locale}/${to}${search}${hash}`);
  }, [to]);
  return null;
}

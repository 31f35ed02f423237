export type AppLocale = "id" | "en";

/** `/id/app/` for (id, ""), `/id/app/keys/` for (id, "keys"). */
export function appPath(locale: AppLocale, page = "") {
  return page ? `/${locale}/app/${page}/` : `/${locale}/app/`;
}

/** Sign-in and the other pages outside the app: `/id/signin/`. */
export function authPath(locale: AppLocale, page: string) {
  return `/${locale}/${page}/`;
}

/** A `next=` return path is only ever one of our own app pages or an invite link (no open redirect). */
export function safeNext(next: string | null, locale: AppLocale) {
  if (next && /^\/(id|en)\/(app\/[\w\-/]*|invite\/)(\?[\w\-=&%.]*)?$/.test(next)) return next;
  return appPath(locale);
}

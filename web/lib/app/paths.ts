export type AppLocale = "id" | "en";

/** `/id/app/` for (id, ""), `/id/app/keys/` for (id, "keys"). */
export function appPath(locale: AppLocale, page = "") {
  return page ? `/${locale}/app/${page}/` : `/${locale}/app/`;
}

/** The admin panel: `/id/admin/` for (id, ""), `/id/admin/users/` for (id, "users"). */
export function adminPath(locale: AppLocale, page = "") {
  return page ? `/${locale}/admin/${page}/` : `/${locale}/admin/`;
}

/** Sign-in and the other pages outside the app: `/id/signin/`. */
export function authPath(locale: AppLocale, page: string) {
  return `/${locale}/${page}/`;
}

/** A `next=` return path is only ever one of our own app or admin pages or an invite link (no open redirect). */
export function safeNext(next: string | null, locale: AppLocale) {
  if (next && /^\/(id|en)\/((app|admin)\/[\w\-/]*|invite\/)(\?[\w\-=&%.]*)?$/.test(next)) return next;
  return appPath(locale);
}

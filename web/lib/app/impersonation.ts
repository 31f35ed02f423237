"use client";

import { useSyncExternalStore } from "react";

// Support's read-only view of a user's dashboard, kept per tab (sessionStorage): the tab that
// started it shows the user's dashboard, every other tab stays the operator's own. Only the
// dashboard's pages (`/{locale}/app/…`) use it; the admin panel in the same tab keeps the
// operator's cookie session. Starting and leaving a view reload the page, so this never
// changes under a rendered page.

const VIEW_KEY = "satu.impersonation";
const FLASH_KEY = "satu.impersonation.flash";

export type Impersonation = {
  id: string;
  userId: string;
  userEmail: string;
  expiresAt: string;
  /** A session of the user's, sent as `Authorization: Bearer`. */
  token: string;
  /** The admin user page to return to when the view ends. */
  returnTo: string;
};

/** Why the panel shows the operator a note after a view: ended by them, or ran out. */
export type ImpersonationFlash = { why: "ended" | "expired"; email: string };

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode): the view cannot be kept, so it does not start.
  }
}

const onDashboard = () => /^\/(id|en)\/app\//.test(location.pathname);

/** The view this tab's dashboard requests go out under, or null (not on a dashboard page, or none). */
export function activeImpersonation(): Impersonation | null {
  if (typeof window === "undefined" || !onDashboard()) return null;
  return read<Impersonation>(VIEW_KEY);
}

/** Starts showing the user's dashboard in this tab: the view is saved, then `dashboard` opens. */
export function enterImpersonation(view: Impersonation, dashboard: string) {
  write(VIEW_KEY, view);
  write(FLASH_KEY, null);
  location.assign(dashboard);
}

/** Forgets the view and goes back to the admin user page it started from, with a note saying why. */
export function leaveImpersonation(why: ImpersonationFlash["why"]) {
  const view = read<Impersonation>(VIEW_KEY);
  write(VIEW_KEY, null);
  if (!view) return;
  write(FLASH_KEY, { why, email: view.userEmail } satisfies ImpersonationFlash);
  location.assign(view.returnTo);
}

/** The note `leaveImpersonation` left for the panel, once. */
export function takeImpersonationFlash(): ImpersonationFlash | null {
  const flash = read<ImpersonationFlash>(FLASH_KEY);
  write(FLASH_KEY, null);
  return flash;
}

const never = () => () => {};
let cached: { raw: string | null; view: Impersonation | null } = { raw: null, view: null };

/** The running view for rendering: null on the server and outside a view. */
export function useImpersonation(): Impersonation | null {
  return useSyncExternalStore(
    never,
    () => {
      // A stable object between renders: parse again only when the stored text changed.
      const raw = onDashboard() ? sessionStorage.getItem(VIEW_KEY) : null;
      if (raw !== cached.raw) cached = { raw, view: activeImpersonation() };
      return cached.view;
    },
    () => null,
  );
}

"use client";

import { useSyncExternalStore } from "react";

// Which workspace this tab works in: null for the user's own, else a team's id. Each tab keeps
// its own choice (sessionStorage), so switching in one tab never sends another tab's next
// change to a different team; a new tab starts in the last workspace chosen (localStorage).
// Switching reloads the page: every cached answer and the live socket belong to one workspace.

const TAB_KEY = "satu.workspace.tab";
const LAST_KEY = "satu.workspace";
const FLASH_KEY = "satu.workspace.flash";

let active: string | null | undefined;

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null) {
  try {
    if (value) storage.setItem(key, value);
    else storage.removeItem(key);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/** The workspace the API is asked to work in (the `x-satu-workspace` header). */
export function currentWorkspace(): string | null {
  if (typeof window === "undefined") return null;
  if (active === undefined) {
    const tab = read(sessionStorage, TAB_KEY);
    active = tab !== null ? tab || null : read(localStorage, LAST_KEY);
    write(sessionStorage, TAB_KEY, active ?? "");
  }
  return active;
}

function remember(teamId: string | null) {
  active = teamId;
  // An empty value in the tab means "personal", chosen (not "nothing chosen yet").
  try {
    sessionStorage.setItem(TAB_KEY, teamId ?? "");
  } catch {
    // See write().
  }
  write(localStorage, LAST_KEY, teamId);
}

/** Works in `teamId` (null: the user's own) from now on, reloading the page to `to`. */
export function switchWorkspace(teamId: string | null, to?: string) {
  remember(teamId);
  if (to) location.assign(to);
  else location.reload();
}

/** For a page outside the dashboard (the invite page): its requests act as the user, in no
 * team, whatever the tab last chose (a stale team would refuse them). Nothing is stored. */
export function actAsUserOnThisPage() {
  active = null;
}

/** Why the last workspace was left without the user asking: shown once after the reload. */
export type Flash = "gone" | "google";

/** The API refused the chosen team (no longer a member, or a Google domain required): go back
 * to the user's own workspace and say why. */
export function leaveRefusedWorkspace(why: Flash) {
  if (currentWorkspace() === null) return;
  write(sessionStorage, FLASH_KEY, why);
  switchWorkspace(null);
}

/** The reason saved by `leaveRefusedWorkspace`, once. */
export function takeFlash(): Flash | null {
  if (typeof window === "undefined") return null;
  const value = read(sessionStorage, FLASH_KEY);
  write(sessionStorage, FLASH_KEY, null);
  return value === "gone" || value === "google" ? value : null;
}

const never = () => () => {};

/** This tab's workspace for rendering: undefined until mounted (the static page has no
 * storage), then null (the user's own) or the team's id. It changes only by a reload. */
export function useWorkspaceId(): string | null | undefined {
  return useSyncExternalStore(never, currentWorkspace, () => undefined);
}

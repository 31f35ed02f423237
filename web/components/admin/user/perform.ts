import { gql } from "@/lib/gql/client";
import {
  AdminStartImpersonationDocument,
  type AdminStartImpersonationMutation,
  AdminExtendPeriodDocument,
  AdminGrantRequestsDocument,
  AdminResendVerificationDocument,
  AdminSetUserPlanDocument,
  AdminSignOutUserDocument,
  AdminSuspendUserDocument,
  AdminUnsuspendUserDocument,
  type AdminUserDetailFieldsFragment,
} from "@/lib/gql/generated/graphql";

export type UserAction = "suspend" | "unsuspend" | "plan" | "extend" | "grant" | "signOut" | "verify" | "impersonate";

/** What the operator typed in the action's dialog (`planId`, `until`, `requests` only where they apply). */
export type ActionInput = { reason: string; planId: string; until: string; requests: number };

/**
 * What an action answered: the user afresh (the actions that change the user), sessions ended
 * (sign-out), whether a link was mailed (false: the address was verified already), or the view
 * of their dashboard that started.
 */
export type ActionResult = {
  detail?: AdminUserDetailFieldsFragment;
  sessionsEnded?: number;
  mailed?: boolean;
  view?: AdminStartImpersonationMutation["adminStartImpersonation"];
};

/** Runs `action` on user `id` through the admin API; every action carries its reason into the audit trail. */
export async function perform(action: UserAction, id: string, { reason, planId, until, requests }: ActionInput): Promise<ActionResult> {
  switch (action) {
    case "suspend":
      return { detail: (await gql(AdminSuspendUserDocument, { id, reason })).adminSuspendUser };
    case "unsuspend":
      return { detail: (await gql(AdminUnsuspendUserDocument, { id, reason })).adminUnsuspendUser };
    case "plan":
      return { detail: (await gql(AdminSetUserPlanDocument, { id, planId, until: until || null, reason })).adminSetUserPlan };
    case "extend":
      return { detail: (await gql(AdminExtendPeriodDocument, { id, until, reason })).adminExtendPeriod };
    case "grant":
      return { detail: (await gql(AdminGrantRequestsDocument, { id, requests, reason })).adminGrantRequests };
    case "signOut":
      return { sessionsEnded: (await gql(AdminSignOutUserDocument, { id, reason })).adminSignOutUser };
    case "verify":
      return { mailed: (await gql(AdminResendVerificationDocument, { id, reason })).adminResendVerification };
    case "impersonate":
      return { view: (await gql(AdminStartImpersonationDocument, { userId: id, reason })).adminStartImpersonation };
  }
}

/** The API's bounds on a reason (it trims it first). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export function reasonValid(reason: string) {
  const length = [...reason.trim()].length;
  return length >= REASON_MIN && length <= REASON_MAX;
}

/** The API's bounds on one grant of extra requests. */
export const GRANT_MAX = 10_000_000;

export function requestsValid(requests: string) {
  const n = Number(requests);
  return Number.isInteger(n) && n >= 1 && n <= GRANT_MAX;
}

/** Today in Jakarta (YYYY-MM-DD): "until" days end at midnight WIB, so today is the earliest. */
export function todayInJakarta() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

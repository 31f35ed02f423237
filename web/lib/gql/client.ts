import type { TypedDocumentString } from "@/lib/gql/generated/graphql";
import { currentWorkspace } from "@/lib/app/workspace";
import { activeImpersonation, leaveImpersonation, type Impersonation } from "@/lib/app/impersonation";

/** An error the API answered with (`extensions.code`), or NETWORK when it could not be reached. */
export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reason?: string,
    readonly retryAfter?: number,
    /** Values a translated message may name (`{plan}`, `{limit}` of a plan cap). */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "GqlError";
  }
}

type Answer<R> = {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; retryAfter?: number; plan?: string; limit?: number } }[];
};

/** The readable half of the session: mutations echo it as `x-csrf-token`. */
export function csrfToken(): string | null {
  const match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?satu_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Runs one typed operation against `/graphql` with the session cookie, or, on a dashboard page
 * of a tab in support's view of a user, with that view's bearer token and the page it shows.
 */
export function gql<R, V>(
  document: TypedDocumentString<R, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<R> {
  return send(document, variables, activeImpersonation());
}

/** Runs one operation with the operator's own cookie session, even inside a view (to end it). */
export function gqlOwnSession<R, V>(
  document: TypedDocumentString<R, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<R> {
  return send(document, variables, null);
}

async function send<R, V>(document: TypedDocumentString<R, V>, variables: V | undefined, view: Impersonation | null): Promise<R> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (view) {
    // The user's session, never the operator's cookie; the server audits each page named once.
    // No workspace: the tab's choice is the operator's, the view shows the user's own.
    headers.authorization = `Bearer ${view.token}`;
    headers["x-satu-page"] = location.pathname;
  } else {
    const csrf = csrfToken();
    if (csrf) headers["x-csrf-token"] = csrf;
    const workspace = currentWorkspace();
    if (workspace) headers["x-satu-workspace"] = workspace;
  }
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: view ? "omit" : "same-origin",
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new GqlError("The server could not be reached.", "NETWORK");
  }
  let answer: Answer<R>;
  try {
    answer = (await response.json()) as Answer<R>;
  } catch {
    throw new GqlError(`The server answered ${response.status}.`, response.status === 413 ? "BAD_USER_INPUT" : "INTERNAL");
  }
  const first = answer.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const details: Record<string, string | number> = {};
    if (ext.plan !== undefined) details.plan = ext.plan;
    if (ext.limit !== undefined) details.limit = ext.limit;
    const error = new GqlError(first.message, ext.code ?? "INTERNAL", ext.reason, ext.retryAfter, details);
    // The view expired or was ended (by the user, or in another tab): back to the panel.
    if (view && error.code === "UNAUTHENTICATED") leaveImpersonation("expired");
    throw error;
  }
  if (!answer.data) throw new GqlError("Empty answer.", "INTERNAL");
  return answer.data;
}

/** The team this tab works in is not the viewer's to use (any more). */
export function isWorkspaceRefused(error: unknown) {
  return error instanceof GqlError && error.reason === "workspace";
}

export function isUnauthenticated(error: unknown) {
  return error instanceof GqlError && error.code === "UNAUTHENTICATED";
}

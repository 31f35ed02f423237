import { createClient, type Client } from "graphql-ws";
import type { TypedDocumentString } from "@/lib/gql/generated/graphql";
import { GqlError } from "@/lib/gql/client";
import { currentWorkspace } from "@/lib/app/workspace";
import { activeImpersonation } from "@/lib/app/impersonation";

// One websocket per tab (graphql-transport-ws), opened on the first subscription and closed
// a while after the last one ends. The session cookie rides on the upgrade; the server checks
// that the page is its own origin.
let client: Client | null = null;

// Whether the socket is open, for the "live" indicator (and tests that wait for it).
export type LiveStatus = "connecting" | "connected" | "closed";
let status: LiveStatus = "connecting";
const listeners = new Set<() => void>();
function setStatus(next: LiveStatus) {
  status = next;
  listeners.forEach((l) => l());
}
export const liveStatus = {
  get: () => status,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function live(): Client {
  if (!client) {
    const url = new URL("/graphql", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    client = createClient({
      url: url.toString(),
      lazy: true,
      // The socket's events are the workspace's: named once, in connection_init. In support's
      // view of a user the view's session is named instead (the upgrade carries the operator's cookie).
      connectionParams: () => {
        const view = activeImpersonation();
        if (view) return { authorization: `Bearer ${view.token}` };
        const workspace = currentWorkspace();
        return workspace ? { workspace } : {};
      },
      lazyCloseTimeout: 3_000,
      // Satu closes a socket that has said nothing for 120 s: a ping every 30 s keeps it open.
      keepAlive: 30_000,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      on: {
        connected: () => setStatus("connected"),
        closed: () => setStatus("closed"),
        connecting: () => setStatus("connecting"),
      },
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(1_000 * 2 ** retries, 15_000)));
      },
    });
  }
  return client;
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R) => void,
  onError?: (error: unknown) => void,
): () => void {
  return live().subscribe<R>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (message) => {
        if (message.data) onData(message.data as R);
        // An error item (the session was signed out elsewhere, events skipped): the caller decides.
        const first = message.errors?.[0] as { message: string; extensions?: { code?: string } } | undefined;
        if (first) onError?.(new GqlError(first.message, first.extensions?.code ?? "INTERNAL"));
      },
      error: (e) => onError?.(e),
      complete: () => {},
    },
  );
}

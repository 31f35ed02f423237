"use client";

import { useState } from "react";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppIntl, type Messages } from "@/lib/i18n/client";
import { GqlError, isUnauthenticated, isWorkspaceRefused } from "@/lib/gql/client";
import { leaveRefusedWorkspace } from "@/lib/app/workspace";
import { ME_KEY } from "@/lib/app/session";
import { ADMIN_ME_KEY } from "@/lib/admin/keys";
import { Toaster } from "@/components/app/ui/toast";

/** The queries that tell a shell who is signed in. */
function isSessionQuery(key: readonly unknown[]) {
  return key[0] === ME_KEY[0] || (key[0] === ADMIN_ME_KEY[0] && key[1] === ADMIN_ME_KEY[1]);
}

/** What every signed-in or auth page runs in: strings, the query cache, toasts. */
export function ClientRoot({
  locale,
  messages,
  children,
}: {
  locale: "id" | "en";
  messages: Messages;
  children: React.ReactNode;
}) {
  const [client] = useState(() => {
    // A session ended elsewhere (signed out, password changed) shows up on any request: ask
    // `me` (or, in the admin panel, `adminMe`) again, whose failure sends the shell to the
    // sign-in page.
    const ended = (error: unknown) => {
      if (isUnauthenticated(error)) {
        void created.invalidateQueries({ queryKey: ME_KEY });
        void created.invalidateQueries({ queryKey: ADMIN_ME_KEY });
      }
      // Removed from the team, or it now requires Google sign-in: back to the own workspace.
      if (isWorkspaceRefused(error)) leaveRefusedWorkspace((error as GqlError).code === "FORBIDDEN" ? "google" : "gone");
    };
    const created: QueryClient = new QueryClient({
      // `me` or `adminMe` failing is a shell's own signal; asking it again from there would loop.
      queryCache: new QueryCache({
        onError: (error, query) => (!isSessionQuery(query.queryKey) || isWorkspaceRefused(error)) && ended(error),
      }),
      mutationCache: new MutationCache({ onError: ended }),
      defaultOptions: {
        queries: {
          staleTime: 10_000,
          retry: (count, error) => !isUnauthenticated(error) && count < 2,
        },
        mutations: { retry: false },
      },
    });
    return created;
  });
  const close = ((messages.common as Messages)?.close as string) ?? "Close";
  return (
    <AppIntl locale={locale} messages={messages}>
      <QueryClientProvider client={client}>
        <Toaster closeLabel={close}>{children}</Toaster>
      </QueryClientProvider>
    </AppIntl>
  );
}

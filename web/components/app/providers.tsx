"use client";

import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppIntl, type Messages } from "@/lib/i18n/client";
import { isUnauthenticated } from "@/lib/gql/client";
import { Toaster } from "@/components/app/ui/toast";

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
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            retry: (count, error) => !isUnauthenticated(error) && count < 2,
          },
          mutations: { retry: false },
        },
      }),
  );
  const close = ((messages.common as Messages)?.close as string) ?? "Close";
  return (
    <AppIntl locale={locale} messages={messages}>
      <QueryClientProvider client={client}>
        <Toaster closeLabel={close}>{children}</Toaster>
      </QueryClientProvider>
    </AppIntl>
  );
}

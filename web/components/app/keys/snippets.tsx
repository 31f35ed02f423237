"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { useT } from "@/lib/i18n/client";
import { appSnippets } from "@/lib/app/snippets";
import { useServerInfo } from "@/lib/app/session";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CodeBox } from "@/components/app/ui/copy";
import { ModelsForSnippetsDocument } from "@/lib/gql/generated/graphql";
import { SNIPPET_COPIED_KEY } from "@/components/app/overview/onboarding";

export const KEY_PLACEHOLDER = "sk-satu-…";

function rememberCopied() {
  try {
    localStorage.setItem(SNIPPET_COPIED_KEY, "1");
  } catch {
    /* private mode: the onboarding step ticks with the first request instead */
  }
}

/** Snippets for every client, on this server's real address, with the key when we have it. */
export function Snippets({ secret, onCopied }: { secret?: string | null; onCopied?: () => void }) {
  const t = useT("keys");
  const info = useServerInfo();
  const models = useQuery({ queryKey: ["models", "snippets"], queryFn: () => gql(ModelsForSnippetsDocument) });
  const base = info.data?.publicUrl ?? (typeof location === "undefined" ? "" : location.origin);
  const model = models.data?.models[0]?.id ?? "gpt-4o-mini";
  const snippets = appSnippets(base, secret ?? KEY_PLACEHOLDER, model);
  return (
    <Tabs defaultValue="curl" className="min-w-0">
      <TabsList aria-label={t("snippetsLabel")} className="flex w-full flex-wrap justify-start gap-1">
        {snippets.map((s) => (
          <TabsTrigger key={s.id} value={s.id}>
            {s.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {snippets.map((s) => (
        <TabsContent key={s.id} value={s.id} className="mt-3">
          <CodeBox
            code={s.code}
            file={s.file}
            onCopied={() => {
              rememberCopied();
              onCopied?.();
            }}
            testId={`snippet-${s.id}`} />
        </TabsContent>
      ))}
    </Tabs>
  );
}


"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus, RefreshCw, Trash2 } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ApiKeysDocument, RevokeApiKeyDocument, RotateApiKeyDocument, type ApiKeysQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { useToast } from "@/components/app/ui/toast";
import { CreateKeyDialog, SecretDialog } from "@/components/app/keys/key-dialogs";
import { Snippets } from "@/components/app/keys/snippets";

type Key = ApiKeysQuery["apiKeys"][number];
export const KEYS_KEY = ["apiKeys"] as const;

export function KeysPage() {
  const t = useT("keys");
  const answer = useQuery({ queryKey: KEYS_KEY, queryFn: () => gql(ApiKeysDocument) });
  const keys = { ...answer, data: answer.data?.apiKeys };
  const [creating, setCreating] = useState(false);
  // The new secret stays in this page's memory for the snippets after its dialog closes.
  const [secret, setSecretState] = useState<{ name: string; secret: string } | null>(null);
  const [showSecret, setShowSecret] = useState(false);
  const setSecret = (s: { name: string; secret: string }) => {
    setSecretState(s);
    setShowSecret(true);
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <button type="button" className={buttonVariants()} onClick={() => setCreating(true)} data-testid="create-key">
            <Plus aria-hidden />
            {t("create")}
          </button>
        }
      />
      <Panel title={t("listTitle")}>
        {keys.isPending ? (
          <Loading label={t("loading")} />
        ) : keys.error ? (
          <LoadError onRetry={() => keys.refetch()} />
        ) : !keys.data ? null : keys.data.length === 0 ? (
          <EmptyState
            icon={<KeyRound aria-hidden />}
            title={t("emptyTitle")}
            body={t("emptyBody")}
            action={
              <button type="button" className={buttonVariants()} onClick={() => setCreating(true)}>
                {t("create")}
              </button>
            }
          />
        ) : (
          <KeyTable keys={keys.data} members={answer.data?.currentTeam?.members ?? null} onSecret={setSecret} />
        )}
      </Panel>
      <Panel title={t("snippetsTitle")} description={t("snippetsLead")} className="mt-6">
        <Snippets secret={secret?.secret} />
      </Panel>
      <CreateKeyDialog open={creating} onOpenChange={setCreating} onCreated={setSecret} />
      <SecretDialog secret={showSecret ? secret : null} onClose={() => setShowSecret(false)} />
    </>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useT("common");
  return (
    <p role="alert" className="text-sm text-destructive">
      {t("loadFailed")}{" "}
      <button type="button" className="underline" onClick={onRetry}>
        {t("retry")}
      </button>
    </p>
  );
}

type Member = NonNullable<ApiKeysQuery["currentTeam"]>["members"][number];

function KeyTable({ keys, members, onSecret }: { keys: Key[]; members: Member[] | null; onSecret: (s: { name: string; secret: string }) => void }) {
  const t = useT("keys");
  const f = useFormat();
  // In a team: whose key it is (its requests count as theirs).
  const owner = (id: string) => {
    const m = members?.find((x) => x.userId === id);
    return m ? m.displayName || m.email : "—";
  };
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">{t("listTitle")}</caption>
        <thead className="text-xs text-muted-foreground">
          <tr className="border-b border-border">
            <th scope="col" className="px-5 py-2 font-medium">{t("name")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("key")}</th>
            {members ? <th scope="col" className="px-3 py-2 font-medium">{t("member")}</th> : null}
            <th scope="col" className="px-3 py-2 font-medium">{t("created")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("lastUsed")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("limits")}</th>
            <th scope="col" className="px-5 py-2 text-right font-medium">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-b border-border/60 last:border-0" data-testid="key-row">
              <td className="px-5 py-3 font-medium">
                {key.name}
                {key.status !== "ACTIVE" ? (
                  <span className="ml-2 rounded-full bg-muted px-2 py-0.5 text-xs font-normal text-muted-foreground">{t(`status_${key.status}`)}</span>
                ) : null}
              </td>
              <td className="px-3 py-3 font-mono text-xs">{key.prefix}…</td>
              {members ? <td className="max-w-48 truncate px-3 py-3 text-muted-foreground">{owner(key.userId)}</td> : null}
              <td className="px-3 py-3 text-muted-foreground">{f.date(key.createdAt)}</td>
              <td className="px-3 py-3 text-muted-foreground">{key.lastUsedAt ? f.ago(key.lastUsedAt) : t("neverUsed")}</td>
              <td className="px-3 py-3 text-muted-foreground">
                {key.rpmLimit || key.tpmLimit
                  ? [key.rpmLimit ? t("rpm", { n: f.int(key.rpmLimit) }) : null, key.tpmLimit ? t("tpm", { n: f.int(key.tpmLimit) }) : null].filter(Boolean).join(" · ")
                  : t("planLimits")}
              </td>
              <td className="px-5 py-3 text-right">{key.status === "ACTIVE" ? <KeyActions apiKey={key} onSecret={onSecret} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyActions({ apiKey, onSecret }: { apiKey: Key; onSecret: (s: { name: string; secret: string }) => void }) {
  const t = useT("keys");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  const rotate = useMutation({
    mutationFn: () => gql(RotateApiKeyDocument, { id: apiKey.id }),
    onSuccess: (d) => {
      setConfirm(null);
      onSecret({ name: d.rotateApiKey.key.name, secret: d.rotateApiKey.secret });
      toast.ok(t("rotated", { name: apiKey.name }));
      void client.invalidateQueries({ queryKey: KEYS_KEY });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const revoke = useMutation({
    mutationFn: () => gql(RevokeApiKeyDocument, { id: apiKey.id }),
    // Optimistic: the row shows "revoked" at once; a failure puts it back.
    onMutate: async () => {
      await client.cancelQueries({ queryKey: KEYS_KEY });
      const before = client.getQueryData<ApiKeysQuery>(KEYS_KEY);
      client.setQueryData<ApiKeysQuery>(KEYS_KEY, (all) =>
        all ? { ...all, apiKeys: all.apiKeys.map((k) => (k.id === apiKey.id ? { ...k, status: "REVOKED" as const } : k)) } : all,
      );
      setConfirm(null);
      return { before };
    },
    onError: (e, _v, ctx) => {
      client.setQueryData(KEYS_KEY, ctx?.before);
      toast.error(errorText(e));
    },
    onSuccess: () => toast.ok(t("revoked", { name: apiKey.name })),
    onSettled: () => client.invalidateQueries({ queryKey: KEYS_KEY }),
  });
  return (
    <div className="flex justify-end gap-1">
      <button type="button" className={buttonVariants({ variant: "ghost", size: "sm" })} onClick={() => setConfirm("rotate")} aria-label={t("rotateLabel", { name: apiKey.name })}>
        <RefreshCw aria-hidden />
        {t("rotate")}
      </button>
      <button type="button" className={buttonVariants({ variant: "ghost", size: "sm" }) + " text-destructive"} onClick={() => setConfirm("revoke")} aria-label={t("revokeLabel", { name: apiKey.name })}>
        <Trash2 aria-hidden />
        {t("revoke")}
      </button>
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(o) => setConfirm(o ? "rotate" : null)}
        title={t("rotateTitle", { name: apiKey.name })}
        body={t("rotateBody")}
        confirm={t("rotate")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={rotate.isPending}
        onConfirm={() => rotate.mutate()}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onOpenChange={(o) => setConfirm(o ? "revoke" : null)}
        title={t("revokeTitle", { name: apiKey.name })}
        body={t("revokeBody")}
        confirm={t("revoke")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={revoke.isPending}
        onConfirm={() => revoke.mutate()}
      />
    </div>
  );
}

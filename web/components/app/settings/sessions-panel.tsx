"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, Laptop, LogOut } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { RevokeSessionDocument, SessionsDocument, SignOutOtherSessionsDocument, type SessionsQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { Loading, Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";

const SESSIONS_KEY = ["sessions"] as const;
export const SUPPORT_VIEWS_KEY = ["supportViews"] as const;
type Session = SessionsQuery["sessions"][number];

/** "Chrome on Linux" from a user agent: enough to recognise a device, nothing more. */
function device(agent: string | null | undefined, unknown: string) {
  if (!agent) return unknown;
  const browser = /Edg\//.test(agent) ? "Edge" : /Firefox\//.test(agent) ? "Firefox" : /Chrom(e|ium)\//.test(agent) ? "Chrome" : /Safari\//.test(agent) ? "Safari" : null;
  const os = /Android/.test(agent) ? "Android" : /iPhone|iPad/.test(agent) ? "iOS" : /Windows/.test(agent) ? "Windows" : /Mac OS X/.test(agent) ? "macOS" : /Linux/.test(agent) ? "Linux" : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? agent.slice(0, 60);
}

/** Where the account is signed in; end one, or every one but this. */
export function SessionsPanel() {
  const t = useT("settings");
  const c = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [confirmAll, setConfirmAll] = useState(false);
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => gql(SessionsDocument).then((d) => d.sessions) });
  const revoke = useMutation({
    mutationFn: (id: string) => gql(RevokeSessionDocument, { id }),
    onSuccess: () => toast.ok(t("sessionEnded")),
    onError: (e) => toast.error(errorText(e)),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: SESSIONS_KEY });
      // Signing support's view out ends it: the list of views says so.
      void client.invalidateQueries({ queryKey: SUPPORT_VIEWS_KEY });
    },
  });
  const others = useMutation({
    mutationFn: () => gql(SignOutOtherSessionsDocument),
    onSuccess: (d) => {
      setConfirmAll(false);
      toast.ok(t("sessionsEnded", { n: d.signOutOtherSessions }));
    },
    onError: (e) => toast.error(errorText(e)),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  const list = sessions.data ?? [];
  const hasOthers = list.some((s) => !s.current);
  return (
    <Panel
      title={t("sessionsTitle")}
      description={t("sessionsLead")}
      actions={
        hasOthers ? (
          <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={() => setConfirmAll(true)} data-testid="sign-out-others">
            <LogOut aria-hidden />
            {t("signOutOthers")}
          </button>
        ) : null
      }
    >
      {sessions.isPending ? (
        <Loading label={t("loading")} rows={2} />
      ) : sessions.error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => sessions.refetch()}>
            {t("retry")}
          </button>
        </p>
      ) : (
        <ul className="-my-2 divide-y divide-border/60" data-testid="sessions">
          {list.map((s: Session) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid="session-row" data-current={s.current}>
              {s.supportView ? (
                <Eye aria-hidden className="size-4 shrink-0 text-warning" />
              ) : (
                <Laptop aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              )}
              <div className="min-w-0 flex-[1_1_14rem]">
                <p className="font-medium" data-testid={s.supportView ? "support-session" : undefined}>
                  {/* Support's view runs in the operator's browser: name it for what it is, not by that device. */}
                  {s.supportView ? t("supportSession") : device(s.userAgent, t("unknownDevice"))}
                  {s.current ? <span className="ml-2 rounded-full bg-success/15 px-2 py-0.5 text-xs font-medium">{t("thisDevice")}</span> : null}
                </p>
                <p className="text-muted-foreground">{t("sessionMeta", { when: f.dateTime(s.createdAt), ip: s.ip ?? "—" })}</p>
              </div>
              {s.current ? null : (
                <button
                  type="button"
                  className={buttonVariants({ variant: "ghost", size: "sm" })}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(s.id)}
                  aria-label={t("endSessionLabel", { device: s.supportView ? t("supportSession") : device(s.userAgent, t("unknownDevice")) })}
                >
                  {t("endSession")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirmAll}
        onOpenChange={setConfirmAll}
        title={t("signOutOthersTitle")}
        body={t("signOutOthersBody")}
        confirm={t("signOutOthers")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={others.isPending}
        onConfirm={() => others.mutate()}
      />
    </Panel>
  );
}

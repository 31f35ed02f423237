"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Mail, RotateCw, X } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ResendTeamInviteDocument, RevokeTeamInviteDocument, TeamInvitesDocument, type TeamInvitesQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";
import { INVITES_KEY, refreshTeam } from "@/components/app/team/queries";

type Invite = TeamInvitesQuery["teamInvites"][number];

/** Invites not yet accepted: resend (a new 7-day link) or revoke. */
export function Invites() {
  const t = useT("team");
  const c = useT("common");
  const invites = useQuery({ queryKey: INVITES_KEY, queryFn: () => gql(TeamInvitesDocument).then((d) => d.teamInvites) });
  return (
    <Panel title={t("invitesTitle")} description={t("invitesLead")} className="mb-6">
      {invites.isPending ? (
        <Loading label={t("loading")} rows={1} />
      ) : invites.error ? (
        <p role="alert" className="text-sm text-destructive">
          {c("loadFailed")}
        </p>
      ) : invites.data.length === 0 ? (
        <EmptyState icon={<Mail aria-hidden />} title={t("noInvites")} />
      ) : (
        <ul className="divide-y divide-border/60" data-testid="team-invites">
          {invites.data.map((invite) => (
            <InviteRow key={invite.id} invite={invite} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function InviteRow({ invite }: { invite: Invite }) {
  const t = useT("team");
  const f = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const refresh = () => refreshTeam(client);
  const resend = useMutation({
    mutationFn: () => gql(ResendTeamInviteDocument, { id: invite.id }),
    onSuccess: () => {
      toast.ok(t("resent", { email: invite.email }));
      refresh();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const revoke = useMutation({
    mutationFn: () => gql(RevokeTeamInviteDocument, { id: invite.id }),
    onSuccess: () => {
      toast.ok(t("revoked", { email: invite.email }));
      refresh();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="invite-row" data-email={invite.email}>
      <div className="min-w-0">
        <p className="truncate font-medium">{invite.email}</p>
        <p className="text-sm text-muted-foreground">
          {t(`role_${invite.role}`)} · {t("expires", { when: f.dateTime(invite.expiresAt) })}
        </p>
      </div>
      <div className="flex gap-2">
        <button
          type="button"
          className={buttonVariants({ variant: "outline", size: "sm" })}
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
          aria-label={t("resendFor", { email: invite.email })}
        >
          <RotateCw aria-hidden />
          {t("resend")}
        </button>
        <button
          type="button"
          className={buttonVariants({ variant: "ghost", size: "sm" })}
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={t("revokeFor", { email: invite.email })}
          data-testid="invite-revoke"
        >
          <X aria-hidden />
          {t("revoke")}
        </button>
      </div>
    </li>
  );
}

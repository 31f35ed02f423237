"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DropdownMenu } from "radix-ui";
import { Crown, MoreHorizontal, SlidersHorizontal, Trash2, UserCog } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { RemoveTeamMemberDocument, SetTeamMemberRoleDocument, TransferTeamOwnershipDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { useMoney } from "@/lib/app/money";
import { useMe } from "@/lib/app/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";
import { MemberLimitsDialog } from "@/components/app/team/member-limits-dialog";
import { refreshTeam, type Member, type Team } from "@/components/app/team/queries";

/** Whether the viewer may change `member`: the owner acts on everyone else, admins on members. */
function actsOn(viewer: Team["role"], member: Member, me: string | undefined) {
  if (member.userId === me) return false;
  if (viewer === "OWNER") return member.role !== "OWNER";
  return viewer === "ADMIN" && member.role === "MEMBER";
}

/** Members with their use of the period and, for owners and admins, what may be changed. */
export function Members({ team }: { team: Team }) {
  const t = useT("team");
  const f = useFormat();
  const money = useMoney();
  const me = useMe().data?.id;
  const th = "px-3 py-2 font-medium";
  return (
    <Panel title={t("membersTitle")} description={t("membersLead")} className="mb-6">
      {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
      <div className="relative -mx-5 overflow-x-auto" tabIndex={0} role="region" aria-label={t("membersTitle")}>
        <table className="w-full min-w-[52rem] text-left text-sm" data-testid="team-members">
          <caption className="sr-only">{t("membersTitle")}</caption>
          <thead className="text-xs text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="px-5 py-2 font-medium">{t("member")}</th>
              <th scope="col" className={th}>{t("role")}</th>
              <th scope="col" className={`${th} text-right`}>{t("requests")}</th>
              <th scope="col" className={`${th} text-right`}>{t("cost")}</th>
              <th scope="col" className={th}>{t("lastActive")}</th>
              <th scope="col" className={th}>{t("limits")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.userId} className="border-b border-border/60 last:border-0" data-testid="member-row" data-email={m.email}>
                <th scope="row" className="max-w-72 px-5 py-3 font-normal">
                  <span className="block truncate font-medium">
                    {m.displayName || m.email}
                    {m.userId === me ? <span className="ml-2 text-xs font-normal text-muted-foreground">{t("you")}</span> : null}
                  </span>
                  {m.displayName ? <span className="block truncate text-xs text-muted-foreground">{m.email}</span> : null}
                </th>
                <td className="px-3 py-3">
                  <span className="rounded-full bg-muted px-2 py-0.5 text-xs" data-testid="member-role">
                    {t(`role_${m.role}`)}
                  </span>
                </td>
                <td className="px-3 py-3 text-right tabular-nums" data-testid="member-requests">
                  {m.requestsThisPeriod == null ? "—" : f.int(m.requestsThisPeriod)}
                </td>
                <td className="px-3 py-3 text-right tabular-nums">
                  {m.costUsdThisPeriod == null ? (
                    "—"
                  ) : (
                    <>
                      {money.usd(m.costUsdThisPeriod)}
                      <span className="block text-xs text-muted-foreground">{money.idr(m.costUsdThisPeriod)}</span>
                    </>
                  )}
                </td>
                <td className="px-3 py-3 text-muted-foreground">{m.lastActiveAt ? f.ago(m.lastActiveAt) : t("neverActive")}</td>
                <td className="px-3 py-3 text-muted-foreground">
                  <LimitsText member={m} />
                </td>
                <td className="px-5 py-3 text-right">{actsOn(team.role, m, me) ? <MemberActions team={team} member={m} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function LimitsText({ member }: { member: Member }) {
  const t = useT("team");
  const f = useFormat();
  const money = useMoney();
  const parts = [
    member.monthlyRequestsLimit != null ? t("limitMonthly", { n: f.int(member.monthlyRequestsLimit) }) : null,
    member.requestsPerMinuteLimit != null ? t("limitRpm", { n: f.int(member.requestsPerMinuteLimit) }) : null,
    member.budgetUsd != null ? t("limitBudget", { amount: money.usd(member.budgetUsd) }) : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(" · ") : t("teamLimits")}</>;
}

type Confirm = "remove" | "transfer" | null;

function MemberActions({ team, member }: { team: Team; member: Member }) {
  const t = useT("team");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [limits, setLimits] = useState(false);
  const who = member.displayName || member.email;
  const done = (text: string) => {
    setConfirm(null);
    toast.ok(text);
    refreshTeam(client);
  };
  const onError = (e: unknown) => toast.error(errorText(e));
  const nextRole = member.role === "ADMIN" ? "MEMBER" : "ADMIN";
  const role = useMutation({
    mutationFn: () => gql(SetTeamMemberRoleDocument, { userId: member.userId, role: nextRole }),
    onSuccess: () => done(t("roleChanged", { who, role: t(`role_${nextRole}`) })),
    onError,
  });
  const remove = useMutation({
    mutationFn: () => gql(RemoveTeamMemberDocument, { userId: member.userId }),
    onSuccess: () => done(t("removed", { who })),
    onError,
  });
  const transfer = useMutation({
    mutationFn: () => gql(TransferTeamOwnershipDocument, { userId: member.userId }),
    onSuccess: () => done(t("transferred", { who })),
    onError,
  });
  const item = "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-muted";
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className={buttonVariants({ variant: "ghost", size: "icon" })} aria-label={t("actionsFor", { who })} data-testid="member-actions">
          <MoreHorizontal aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-52 rounded-lg border border-border bg-card p-1 text-sm shadow-lg">
            <DropdownMenu.Item className={item} onSelect={() => setLimits(true)} data-testid="member-limits">
              <SlidersHorizontal aria-hidden className="size-4" />
              {t("setLimits")}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={item} onSelect={() => role.mutate()} data-testid="member-role-change">
              <UserCog aria-hidden className="size-4" />
              {nextRole === "ADMIN" ? t("makeAdmin") : t("makeMember")}
            </DropdownMenu.Item>
            {team.role === "OWNER" ? (
              <DropdownMenu.Item className={item} onSelect={() => setConfirm("transfer")} data-testid="member-transfer">
                <Crown aria-hidden className="size-4" />
                {t("transfer")}
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            <DropdownMenu.Item className={`${item} text-destructive`} onSelect={() => setConfirm("remove")} data-testid="member-remove">
              <Trash2 aria-hidden className="size-4" />
              {t("remove")}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirm === "remove"}
        onOpenChange={(o) => setConfirm(o ? "remove" : null)}
        title={t("removeTitle", { who })}
        body={t("removeBody")}
        confirm={t("remove")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        testId="member-remove-confirm"
      />
      <ConfirmDialog
        open={confirm === "transfer"}
        onOpenChange={(o) => setConfirm(o ? "transfer" : null)}
        title={t("transferTitle", { who })}
        body={t("transferBody", { who })}
        confirm={t("transfer")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={transfer.isPending}
        onConfirm={() => transfer.mutate()}
        testId="member-transfer-confirm"
      />
      <MemberLimitsDialog open={limits} onOpenChange={setLimits} member={member} />
    </>
  );
}

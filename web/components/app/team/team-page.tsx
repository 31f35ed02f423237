"use client";

import { useState } from "react";
import { LogOut, Pencil, UserPlus } from "lucide-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { LeaveTeamDocument, RenameTeamDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { appPath } from "@/lib/app/paths";
import { switchWorkspace, useWorkspaceId } from "@/lib/app/workspace";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog, Dialog } from "@/components/app/ui/dialog";
import { Field, FormError } from "@/components/app/ui/field";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { useToast } from "@/components/app/ui/toast";
import { MY_TEAMS_KEY } from "@/components/app/workspace-switcher";
import { AuditLog } from "@/components/app/team/audit-log";
import { InviteDialog } from "@/components/app/team/invite-dialog";
import { Invites } from "@/components/app/team/invites";
import { Members } from "@/components/app/team/members";
import { NoTeam } from "@/components/app/team/no-team";
import { manages, refreshTeam, useCurrentTeam, type Team } from "@/components/app/team/queries";
import { TeamSettings } from "@/components/app/team/team-settings";
import { TeamSummary } from "@/components/app/team/team-summary";

/** The Team page: the current team's members, invites, budgets, Slack and audit log; in the
 * user's own workspace, their teams and a form to create one. */
export function TeamPage() {
  const workspace = useWorkspaceId();
  if (workspace === undefined) return <Loading label="…" />;
  return workspace === null ? <NoTeam /> : <TeamView />;
}

function TeamView() {
  const t = useT("team");
  const c = useT("common");
  const team = useCurrentTeam();
  const [inviting, setInviting] = useState(false);
  if (team.isPending) return <Loading label={t("loading")} />;
  if (team.error || !team.data) {
    return (
      <p role="alert" className="text-sm text-destructive">
        {c("loadFailed")}{" "}
        <button type="button" className="underline" onClick={() => team.refetch()}>
          {c("retry")}
        </button>
      </p>
    );
  }
  const data = team.data;
  const manager = manages(data.role);
  return (
    <>
      <PageHeader
        title={data.name}
        lead={t("lead", { role: t(`role_${data.role}`), plan: data.plan.name })}
        actions={
          <>
            {manager ? <RenameButton team={data} /> : null}
            {data.role !== "OWNER" ? <LeaveButton team={data} /> : null}
            {manager ? (
              <button type="button" className={buttonVariants()} onClick={() => setInviting(true)} data-testid="invite-open">
                <UserPlus aria-hidden />
                {t("invite")}
              </button>
            ) : null}
          </>
        }
      />
      <TeamSummary team={data} />
      <Members team={data} />
      {manager ? (
        <>
          <Invites />
          <TeamSettings team={data} />
          <AuditLog teamId={data.id} />
        </>
      ) : (
        <Panel className="mt-6">
          <p className="text-sm text-muted-foreground">{t("memberNote")}</p>
        </Panel>
      )}
      <InviteDialog open={inviting} onOpenChange={setInviting} team={data} />
    </>
  );
}

function RenameButton({ team }: { team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(team.name);
  const rename = useMutation({
    mutationFn: () => gql(RenameTeamDocument, { name: name.trim() }),
    onSuccess: () => {
      setOpen(false);
      toast.ok(t("renamed"));
      refreshTeam(client);
      void client.invalidateQueries({ queryKey: MY_TEAMS_KEY });
    },
  });
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => setOpen(true)} data-testid="team-rename">
        <Pencil aria-hidden />
        {t("rename")}
      </button>
      <Dialog open={open} onOpenChange={setOpen} title={t("renameTitle")} closeLabel={c("close")}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
        >
          <Field label={t("teamName")} value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} autoFocus />
          <FormError>{rename.error ? errorText(rename.error) : null}</FormError>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => setOpen(false)}>
              {c("cancel")}
            </button>
            <button type="submit" className={buttonVariants()} disabled={rename.isPending || !name.trim()}>
              {c("save")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function LeaveButton({ team }: { team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const leave = useMutation({
    mutationFn: () => gql(LeaveTeamDocument),
    onSuccess: () => switchWorkspace(null, appPath(locale)),
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => setOpen(true)} data-testid="team-leave">
        <LogOut aria-hidden />
        {t("leave")}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t("leaveTitle", { team: team.name })}
        body={t("leaveBody")}
        confirm={t("leave")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={leave.isPending}
        onConfirm={() => leave.mutate()}
        testId="team-leave-confirm"
      />
    </>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { InviteTeamMemberDocument, type TeamRole } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError, SelectField } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { refreshTeam, type Team } from "@/components/app/team/queries";

/** Invites someone by email as a member or (by the owner) an admin; the link is mailed. */
export function InviteDialog({ open, onOpenChange, team }: { open: boolean; onOpenChange: (o: boolean) => void; team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TeamRole>("MEMBER");
  const invite = useMutation({
    mutationFn: () => gql(InviteTeamMemberDocument, { email: email.trim(), role }),
    onSuccess: (d) => {
      onOpenChange(false);
      setEmail("");
      setRole("MEMBER");
      toast.ok(t("invited", { email: d.inviteTeamMember.email }));
      refreshTeam(client);
    },
  });
  const full = team.seatsMax != null && team.seatsUsed >= team.seatsMax;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("inviteTitle", { team: team.name })} description={t("inviteLead")} closeLabel={c("close")}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Field label={t("email")} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus data-testid="invite-email" />
        <SelectField label={t("role")} value={role} onChange={(e) => setRole(e.target.value as TeamRole)} hint={t(`roleHint_${role}`)} data-testid="invite-role">
          <option value="MEMBER">{t("role_MEMBER")}</option>
          {team.role === "OWNER" ? <option value="ADMIN">{t("role_ADMIN")}</option> : null}
        </SelectField>
        {full ? <p className="text-sm text-warning">{t("seatsFull")}</p> : null}
        <FormError>{invite.error ? errorText(invite.error) : null}</FormError>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => onOpenChange(false)}>
            {c("cancel")}
          </button>
          <button type="submit" className={buttonVariants()} disabled={invite.isPending || !email.trim()} data-testid="invite-send">
            {t("inviteSend")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { ArrowRight, Users } from "lucide-react";
import { gql, GqlError } from "@/lib/gql/client";
import { CreateTeamDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { appPath } from "@/lib/app/paths";
import { switchWorkspace } from "@/lib/app/workspace";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { useMyTeams } from "@/components/app/workspace-switcher";

/** In the user's own workspace: the teams they are in (to open one) and creating a team. */
export function NoTeam() {
  const t = useT("team");
  const locale = useLocale();
  const teams = useMyTeams();
  return (
    <>
      <PageHeader title={t("title")} lead={t("personalLead")} />
      <Panel title={t("yourTeams")} className="mb-6">
        {teams.isPending ? (
          <Loading label={t("loading")} />
        ) : (teams.data ?? []).length === 0 ? (
          <EmptyState icon={<Users aria-hidden />} title={t("noTeamsTitle")} body={t("noTeamsBody")} />
        ) : (
          <ul className="divide-y divide-border/60" data-testid="my-teams">
            {(teams.data ?? []).map((team) => (
              <li key={team.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0">
                  <p className="truncate font-medium">{team.name}</p>
                  <p className="text-sm text-muted-foreground">
                    {t(`role_${team.role}`)} · {team.plan.name}
                  </p>
                </div>
                <button
                  type="button"
                  className={buttonVariants({ variant: "outline", size: "sm" })}
                  onClick={() => switchWorkspace(team.id, appPath(locale, "team"))}
                  data-testid="open-team"
                >
                  {t("open")}
                  <ArrowRight aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <CreateTeam />
    </>
  );
}

function CreateTeam() {
  const t = useT("team");
  const locale = useLocale();
  const errorText = useErrorText();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => gql(CreateTeamDocument, { name: name.trim() }),
    onSuccess: (d) => switchWorkspace(d.createTeam.id, appPath(locale, "team")),
  });
  const needsPlan = create.error instanceof GqlError && create.error.reason === "team_plan_required";
  return (
    <Panel title={t("createTitle")} description={t("createLead")}>
      <form
        className="flex max-w-md flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label={t("teamName")} value={name} maxLength={80} required placeholder={t("teamNamePlaceholder")} onChange={(e) => setName(e.target.value)} data-testid="team-name" />
        <FormError>
          {create.error ? (
            <>
              {errorText(create.error)}{" "}
              {needsPlan ? (
                <Link href={appPath(locale, "billing")} className="font-medium underline">
                  {t("seePlans")}
                </Link>
              ) : null}
            </>
          ) : null}
        </FormError>
        <div>
          <button type="submit" className={buttonVariants()} disabled={create.isPending || !name.trim()} data-testid="team-create">
            {t("create")}
          </button>
        </div>
      </form>
    </Panel>
  );
}

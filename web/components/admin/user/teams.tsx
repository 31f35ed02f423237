"use client";

import { useHasT, useT } from "@/lib/i18n/client";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import type { UserDetail } from "@/components/admin/user/user-page";

/** The teams the user belongs to, with their role and the team's plan. */
export function Teams({ teams }: { teams: UserDetail["teams"] }) {
  const t = useT("admin");
  const has = useHasT();
  const planName = usePlanName();
  const role = (r: string) => (has(`admin.teamRole.${r}`) ? t(`teamRole.${r}`) : r);
  return (
    <Panel title={t("teamsTitle")}>
      {teams.length === 0 ? (
        <EmptyNote>{t("teamsEmpty")}</EmptyNote>
      ) : (
        <ul className="-my-2 divide-y divide-border/60 text-sm" data-testid="user-teams">
          {teams.map((team) => (
            <li key={team.teamId} className="flex items-center justify-between gap-3 py-2">
              <span className="min-w-0 truncate font-medium">{team.name}</span>
              <span className="shrink-0 text-muted-foreground">
                {role(team.role)} · {planName(team.planId)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

"use client";

import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { DropdownMenu } from "radix-ui";
import { Check, ChevronsUpDown, Plus, UserRound, Users } from "lucide-react";
import { cx } from "@/lib/cx";
import { gql } from "@/lib/gql/client";
import { MyTeamsDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";
import { switchWorkspace, takeFlash, useWorkspaceId } from "@/lib/app/workspace";
import { useToast } from "@/components/app/ui/toast";

export const MY_TEAMS_KEY = ["myTeams"] as const;

export function useMyTeams() {
  return useQuery({ queryKey: MY_TEAMS_KEY, queryFn: () => gql(MyTeamsDocument).then((d) => d.teams) });
}

/** The current workspace (the user's own or a team) and the others to switch to. */
export function WorkspaceSwitcher() {
  const t = useT("shell");
  const locale = useLocale();
  const teams = useMyTeams();
  const toast = useToast();
  // Undefined until mounted: the static page is rendered without storage.
  const current = useWorkspaceId() ?? null;
  useEffect(() => {
    const flash = takeFlash();
    if (flash) toast.error(t(flash === "google" ? "workspaceGoogle" : "workspaceGone"));
  }, [t, toast]);

  const team = teams.data?.find((x) => x.id === current);
  const name = current === null ? t("personal") : (team?.name ?? "…");
  const item =
    "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-muted";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex w-full min-w-0 items-center gap-2 rounded-lg border border-border bg-background px-3 py-2 text-left text-sm outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/60"
        aria-label={t("workspaceLabel", { name })}
        data-testid="workspace-switcher"
      >
        {current === null ? <UserRound aria-hidden className="size-4 shrink-0" /> : <Users aria-hidden className="size-4 shrink-0 text-primary" />}
        <span className="min-w-0 flex-1 truncate font-medium" data-testid="workspace-current">
          {name}
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-56 rounded-lg border border-border bg-card p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-3 py-1.5 text-xs text-muted-foreground">{t("workspaces")}</DropdownMenu.Label>
          <DropdownMenu.Item className={item} onSelect={() => current !== null && switchWorkspace(null)} data-testid="workspace-personal">
            <UserRound aria-hidden className="size-4" />
            <span className="flex-1">{t("personal")}</span>
            {current === null ? <Check aria-label={t("currentWorkspace")} className="size-4 text-primary" /> : null}
          </DropdownMenu.Item>
          {(teams.data ?? []).map((x) => (
            <DropdownMenu.Item
              key={x.id}
              className={item}
              onSelect={() => current !== x.id && switchWorkspace(x.id)}
              data-testid="workspace-team"
            >
              <Users aria-hidden className="size-4" />
              <span className="min-w-0 flex-1 truncate">{x.name}</span>
              <span className="text-xs text-muted-foreground">{t(`role_${x.role}`)}</span>
              {current === x.id ? <Check aria-label={t("currentWorkspace")} className={cx("size-4 text-primary")} /> : null}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={item} onSelect={() => location.assign(appPath(locale, "team"))} data-testid="workspace-manage">
            <Plus aria-hidden className="size-4" />
            {current === null ? t("createOrOpenTeam") : t("manageTeam")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

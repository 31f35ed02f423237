"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { SupportViewsDocument } from "@/lib/gql/generated/graphql";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { Loading, Panel } from "@/components/app/ui/panel";
import { SUPPORT_VIEWS_KEY } from "@/components/app/settings/sessions-panel";

/** Every time Satu support looked at the account, so the user can see when and for how long. */
export function SupportViewsPanel() {
  const t = useT("settings");
  const has = useHasT();
  const f = useFormat();
  const views = useQuery({ queryKey: SUPPORT_VIEWS_KEY, queryFn: () => gql(SupportViewsDocument).then((d) => d.supportViews) });
  const role = (r: string) => (has(`settings.supportRole.${r}`) ? t(`supportRole.${r}`) : r);
  // Taken once: whether a view still runs follows the page's data, not the clock, between refreshes.
  const [now] = useState(Date.now);
  return (
    <Panel title={t("supportViewsTitle")} description={t("supportViewsLead")}>
      {views.isPending ? (
        <Loading label={t("loading")} rows={1} />
      ) : views.error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => views.refetch()}>
            {t("retry")}
          </button>
        </p>
      ) : views.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("supportViewsEmpty")}</p>
      ) : (
        <ul className="-my-2 divide-y divide-border/60 text-sm" data-testid="support-views">
          {views.data.map((view) => {
            const end = view.endedAt ?? view.expiresAt;
            const running = !view.endedAt && new Date(view.expiresAt).getTime() > now;
            return (
              <li key={view.startedAt} className="flex flex-col gap-0.5 py-3" data-testid="support-view">
                <p>
                  {running
                    ? t("supportViewRunning", { start: f.dateTime(view.startedAt), end: f.dateTime(end) })
                    : t("supportViewed", { start: f.dateTime(view.startedAt), end: f.dateTime(end) })}
                </p>
                <p className="text-muted-foreground">{t("supportViewRole", { role: role(view.role) })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

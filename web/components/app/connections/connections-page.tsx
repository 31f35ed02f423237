"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Plug, Plus } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ConnectionsDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { CONNECTIONS_KEY } from "@/components/app/connections/shared";
import { ConnectionLimits } from "@/components/app/connections/limits";
import { ConnectionList } from "@/components/app/connections/connection-list";
import { AddConnectionDialog } from "@/components/app/connections/add-dialog";
import { RoutingPanel } from "@/components/app/connections/routing-editor";
import { PausedBanner } from "@/components/app/connections/paused-banner";
import { KeepDialog } from "@/components/app/connections/keep-dialog";

export function ConnectionsPage() {
  const t = useT("connections");
  const connections = useQuery({
    queryKey: CONNECTIONS_KEY,
    queryFn: () => gql(ConnectionsDocument),
    // While a token is being renewed, look again shortly to show how it ended.
    refetchInterval: (q) => (q.state.data?.connections.some((c) => c.status === "REFRESHING") ? 5_000 : false),
  });
  const [adding, setAdding] = useState(false);
  const [keeping, setKeeping] = useState(false);
  const data = connections.data;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <button type="button" className={buttonVariants()} onClick={() => setAdding(true)} data-testid="add-connection">
            <Plus aria-hidden />
            {t("add")}
          </button>
        }
      />
      {data ? <ConnectionLimits limits={data.connectionLimits} plan={data.myPlan.plan.name} /> : null}
      {data ? <PausedBanner connections={data.connections} onChoose={() => setKeeping(true)} /> : null}
      <Panel title={t("listTitle")} description={t("listLead")}>
        {connections.isPending ? (
          <Loading label={t("loading")} rows={3} />
        ) : connections.error ? (
          <LoadError onRetry={() => connections.refetch()} />
        ) : connections.data.connections.length === 0 ? (
          <EmptyState
            icon={<Plug aria-hidden />}
            title={t("emptyTitle")}
            body={t("emptyBody")}
            action={
              <button type="button" className={buttonVariants()} onClick={() => setAdding(true)} data-testid="add-first-connection">
                <Plus aria-hidden />
                {t("emptyAction")}
              </button>
            }
          />
        ) : (
          <ConnectionList connections={connections.data.connections} />
        )}
      </Panel>
      <RoutingPanel connections={data?.connections} />
      <AddConnectionDialog open={adding} onOpenChange={setAdding} />
      {data ? (
        <KeepDialog connections={data.connections} limits={data.connectionLimits} plan={data.myPlan.plan.name} open={keeping} onOpenChange={setKeeping} />
      ) : null}
    </>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useT("common");
  return (
    <p role="alert" className="text-sm text-destructive" data-testid="connections-error">
      {t("loadFailed")}{" "}
      <button type="button" className="underline" onClick={onRetry}>
        {t("retry")}
      </button>
    </p>
  );
}

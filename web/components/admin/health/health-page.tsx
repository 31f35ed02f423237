"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminHealthDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { HEALTH_KEY } from "@/lib/admin/keys";
import { Loading } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SectionGate } from "@/components/admin/section-gate";
import { LoadError } from "@/components/admin/ui/load-error";
import { PlatformCards } from "@/components/admin/health/platform-cards";
import { ProvidersTable } from "@/components/admin/health/providers-table";
import { QueueDepths } from "@/components/admin/health/queues";
import { ReplicasTable } from "@/components/admin/health/replicas-table";

/** The figures cover 5 minutes at the shortest: asking more often than this shows nothing new. */
const REFRESH_MS = 30_000;

export function HealthPage() {
  return (
    <SectionGate section="HEALTH">
      <Health />
    </SectionGate>
  );
}

/** Is Satu answering, is each provider, and which replicas run? Refreshed every 30 seconds while open. */
function Health() {
  const t = useT("admin");
  const f = useFormat();
  const health = useQuery({
    queryKey: HEALTH_KEY,
    queryFn: () => gql(AdminHealthDocument).then((d) => d.adminHealth),
    refetchInterval: REFRESH_MS,
  });
  const updated = health.dataUpdatedAt ? new Date(health.dataUpdatedAt).toISOString() : null;
  return (
    <>
      <PageHeader
        title={t("healthTitle")}
        lead={t("healthLead")}
        actions={
          updated ? (
            <p className="text-sm text-muted-foreground" data-testid="health-updated">
              {t("updatedAt", { time: f.time(updated) })}
            </p>
          ) : null
        }
      />
      {health.isPending ? (
        <Loading label={t("loading")} rows={6} />
      ) : health.error && !health.data ? (
        <LoadError error={health.error} onRetry={() => health.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <PlatformCards windows={health.data.platform} />
          <ProvidersTable providers={health.data.providers} />
          <QueueDepths queues={health.data.queues} />
          <ReplicasTable replicas={health.data.replicas} />
        </div>
      )}
    </>
  );
}

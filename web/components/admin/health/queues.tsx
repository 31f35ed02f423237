"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminHealthQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";

type Queues = AdminHealthQuery["adminHealth"]["queues"];

/** Work waiting or stuck: a growing "failed" is the figure to act on. */
export function QueueDepths({ queues }: { queues: Queues }) {
  const t = useT("admin");
  const f = useFormat();
  const items: { key: keyof Queues; bad?: boolean }[] = [
    { key: "emailsQueued" },
    { key: "emailsFailed", bad: true },
    { key: "paymentNotifications" },
    { key: "slackNotices" },
    { key: "jobsPending" },
    { key: "jobsFailed", bad: true },
  ];
  return (
    <Panel title={t("queuesTitle")} description={t("queuesLead")}>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="health-queues">
        {items.map(({ key, bad }) => {
          const value = queues[key];
          return (
            <div key={key} className="flex min-w-0 flex-col gap-0.5">
              <dt className="text-sm text-muted-foreground">{t(`queue_${key}`)}</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${bad && value ? "text-destructive" : ""}`} data-testid={`queue-${key}`}>
                {/* The job queue is null until the worker has set it up. */}
                {value === null ? "—" : f.int(value)}
              </dd>
            </div>
          );
        })}
      </dl>
    </Panel>
  );
}

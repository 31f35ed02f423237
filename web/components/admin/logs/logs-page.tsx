"use client";

import { useState } from "react";
import Link from "next/link";
import { ScrollText } from "lucide-react";
import type { AdminLogKind } from "@/lib/gql/generated/graphql";
import { cx } from "@/lib/cx";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath } from "@/lib/app/paths";
import { useProviderName } from "@/lib/admin/providers";
import { buttonVariants } from "@/components/ui/button-variants";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { inputClass } from "@/components/app/ui/field";
import { SectionGate } from "@/components/admin/section-gate";
import { LogList } from "@/components/admin/logs/log-list";

const KINDS: AdminLogKind[] = ["UPSTREAM_ERRORS", "REFUSALS", "OAUTH_FAILURES", "SECURITY"];
/** The providers as the logs name them. */
const PROVIDERS = ["anthropic", "openai", "gemini", "qwen", "openai-compatible"];

export function LogsPage() {
  return (
    <SectionGate section="LOGS">
      <Logs />
    </SectionGate>
  );
}

/** What went wrong, by kind: a tab each, the operators' own audit log one link away. */
function Logs() {
  const t = useT("admin");
  const locale = useLocale();
  const providerName = useProviderName();
  const [provider, setProvider] = useState("");
  return (
    <>
      <PageHeader
        title={t("logsTitle")}
        lead={t("logsLead")}
        actions={
          <Link href={adminPath(locale, "audit")} className={buttonVariants({ variant: "outline", size: "sm" })} data-testid="logs-audit-link">
            <ScrollText aria-hidden />
            {t("nav_audit")}
          </Link>
        }
      />
      <Panel>
        <Tabs defaultValue={KINDS[0]} className="gap-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <TabsList aria-label={t("logKinds")}>
              {KINDS.map((kind) => (
                <TabsTrigger key={kind} value={kind} data-testid={`logs-tab-${kind}`}>
                  {t(`logTab_${kind}`)}
                </TabsTrigger>
              ))}
            </TabsList>
            {/* Beside the tabs, on one line: it filters whichever tab is open (Security has no provider). */}
            <label className="flex items-center gap-2 text-sm font-medium">
              {t("colProvider")}
              <select value={provider} onChange={(e) => setProvider(e.target.value)} className={cx(inputClass, "w-56 pr-8")} data-testid="logs-provider">
                <option value="">{t("allProviders")}</option>
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {providerName(p)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {KINDS.map((kind) => (
            <TabsContent key={kind} value={kind}>
              <LogList kind={kind} provider={provider || null} label={t(`logTab_${kind}`)} />
            </TabsContent>
          ))}
        </Tabs>
      </Panel>
    </>
  );
}

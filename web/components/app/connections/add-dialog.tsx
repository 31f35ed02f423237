"use client";

import { useId, useState } from "react";
import type { ProviderName } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/app/ui/dialog";
import { SelectField } from "@/components/app/ui/field";
import { providersFor, type Method } from "@/components/app/connections/shared";
import { MethodTabs, panelId, tabId } from "@/components/app/connections/method-tabs";
import { BrowserFlow } from "@/components/app/connections/browser-flow";
import { DeviceFlow } from "@/components/app/connections/device-flow";
import { ImportFlow } from "@/components/app/connections/import-flow";
import { ApiKeyForm } from "@/components/app/connections/api-key-form";

/**
 * One dialog for every way to connect: the way first (tabs), then the provider (only those that
 * support it), then that way's steps. Closing the dialog unmounts the steps, which stops a
 * device sign-in's polling and forgets anything pasted or read from a file.
 */
export function AddConnectionDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT("connections");
  const c = useT("common");
  const baseId = useId();
  const [method, setMethod] = useState<Method>("browser");
  const [provider, setProvider] = useState<ProviderName>("ANTHROPIC");
  const choices = providersFor(method);

  const chooseMethod = (m: Method) => {
    setMethod(m);
    const allowed = providersFor(m);
    if (!allowed.includes(provider)) setProvider(allowed[0]);
  };
  const done = () => onOpenChange(false);

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("addTitle")} description={t("addLead")} closeLabel={c("close")} wide>
      <div className="flex min-w-0 flex-col gap-4">
        <MethodTabs value={method} onChange={chooseMethod} baseId={baseId} />
        <div role="tabpanel" id={panelId(baseId)} aria-labelledby={tabId(baseId, method)} className="flex min-w-0 flex-col gap-4" data-testid={`method-panel-${method}`}>
          <p className="text-sm text-muted-foreground">{t(`methodLead.${method}`)}</p>
          <SelectField
            label={t("providerLabel")}
            name="provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value as ProviderName)}
            hint={t(`methodProviders.${method}`)}
            data-testid="provider-select"
          >
            {choices.map((p) => (
              <option key={p} value={p}>
                {t(`provider.${p}`)}
              </option>
            ))}
          </SelectField>
          {/* Keyed by provider: choosing another provider starts that way's steps over. */}
          {method === "browser" ? (
            <BrowserFlow key={provider} provider={provider} onDone={done} />
          ) : method === "device" ? (
            <DeviceFlow key={provider} provider={provider} onDone={done} />
          ) : method === "import" ? (
            <ImportFlow key={provider} provider={provider} onDone={done} />
          ) : (
            <ApiKeyForm key={provider} provider={provider} onDone={done} />
          )}
        </div>
      </div>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { gql } from "@/lib/gql/client";
import {
  SendTeamSlackTestDocument,
  SetTeamBudgetDocument,
  SetTeamGoogleDomainDocument,
  SetTeamSlackWebhookDocument,
} from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useMoney } from "@/lib/app/money";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";
import { refreshTeam, parseAmount, type Team } from "@/components/app/team/queries";

/** Owners and admins: the team's monthly budget, Slack notices; the owner: Google sign-in. */
export function TeamSettings({ team }: { team: Team }) {
  const t = useT("team");
  return (
    <Panel title={t("settingsTitle")} className="mb-6">
      <div className="grid gap-8 lg:grid-cols-2">
        <BudgetForm team={team} />
        <SlackForm team={team} />
        {team.role === "OWNER" ? <GoogleDomainForm team={team} /> : null}
      </div>
    </Panel>
  );
}

function useSaved(message: string) {
  const toast = useToast();
  const client = useQueryClient();
  return () => {
    toast.ok(message);
    refreshTeam(client);
  };
}

function BudgetForm({ team }: { team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const errorText = useErrorText();
  const money = useMoney();
  const [value, setValue] = useState(team.budgetUsd == null ? "" : String(team.budgetUsd));
  const amount = parseAmount(value);
  const saved = useSaved(t("budgetSaved"));
  const save = useMutation({ mutationFn: () => gql(SetTeamBudgetDocument, { budgetUsd: amount ?? null }), onSuccess: saved });
  const rupiah = typeof amount === "number" ? money.idr(amount) : null;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (amount !== undefined) save.mutate();
      }}
      aria-labelledby="team-budget-title"
    >
      <h3 id="team-budget-title" className="font-medium">
        {t("budgetTitle")}
      </h3>
      <p className="text-sm text-muted-foreground">{t("budgetLead")}</p>
      <Field
        label={t("budgetLabel")}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={t("noLimit")}
        hint={rupiah ? t("inRupiah", { amount: rupiah }) : t("budgetHint")}
        error={amount === undefined ? t("amountInvalid") : null}
        data-testid="team-budget"
      />
      <FormError>{save.error ? errorText(save.error) : null}</FormError>
      <div>
        <button type="submit" className={buttonVariants({ variant: "outline" })} disabled={save.isPending || amount === undefined} data-testid="team-budget-save">
          {save.isPending ? c("saving") : c("save")}
        </button>
      </div>
    </form>
  );
}

function SlackForm({ team }: { team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const [url, setUrl] = useState("");
  const saved = useSaved(t("slackSaved"));
  const save = useMutation({
    mutationFn: (next: string | null) => gql(SetTeamSlackWebhookDocument, { url: next }),
    onSuccess: () => {
      setUrl("");
      saved();
    },
  });
  const refresh = useSaved(t("slackTestQueued"));
  const test = useMutation({
    mutationFn: () => gql(SendTeamSlackTestDocument),
    onSuccess: refresh,
    onError: (e) => toast.error(errorText(e)),
  });
  // Null only for plain members, who never see this form.
  const slack = team.slack ?? { configured: false, latest: null };
  const latest = slack.latest;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(url.trim());
      }}
      aria-labelledby="team-slack-title"
    >
      <h3 id="team-slack-title" className="font-medium">
        {t("slackTitle")}
      </h3>
      <p className="text-sm text-muted-foreground">{t("slackLead")}</p>
      <p className="text-sm" data-testid="slack-state">
        {slack.configured ? t("slackOn") : t("slackOff")}
        {latest ? ` · ${t("slackLatest", { kind: t(`slackKind_${latest.kind}`), status: t(`slackStatus_${latest.status}`) })}` : null}
      </p>
      <Field
        label={slack.configured ? t("slackReplace") : t("slackUrl")}
        type="url"
        autoComplete="off"
        placeholder="https://hooks.slack.com/services/…"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        hint={t("slackHint")}
        data-testid="slack-url"
      />
      <FormError>{save.error ? errorText(save.error) : null}</FormError>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonVariants({ variant: "outline" })} disabled={save.isPending || !url.trim()} data-testid="slack-save">
          {c("save")}
        </button>
        <button
          type="button"
          className={buttonVariants({ variant: "outline" })}
          disabled={!slack.configured || test.isPending}
          onClick={() => test.mutate()}
          data-testid="slack-test"
        >
          <Send aria-hidden />
          {t("slackTest")}
        </button>
        {slack.configured ? (
          <button type="button" className={buttonVariants({ variant: "ghost" })} disabled={save.isPending} onClick={() => save.mutate(null)} data-testid="slack-off">
            {t("slackTurnOff")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function GoogleDomainForm({ team }: { team: Team }) {
  const t = useT("team");
  const c = useT("common");
  const errorText = useErrorText();
  const [domain, setDomain] = useState(team.googleDomain ?? "");
  const saved = useSaved(t("googleSaved"));
  const save = useMutation({
    mutationFn: (next: string | null) => gql(SetTeamGoogleDomainDocument, { domain: next }),
    onSuccess: saved,
  });
  const enterprise = team.plan.id === "enterprise";
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(domain.trim() || null);
      }}
      aria-labelledby="team-google-title"
    >
      <h3 id="team-google-title" className="font-medium">
        {t("googleTitle")}
      </h3>
      <p className="text-sm text-muted-foreground">{enterprise ? t("googleLead") : t("googleEnterprise")}</p>
      {enterprise ? (
        <>
          <Field label={t("googleDomain")} placeholder="example.co.id" value={domain} onChange={(e) => setDomain(e.target.value)} data-testid="google-domain" />
          <FormError>{save.error ? errorText(save.error) : null}</FormError>
          <div className="flex gap-2">
            <button type="submit" className={buttonVariants({ variant: "outline" })} disabled={save.isPending}>
              {c("save")}
            </button>
            {team.googleDomain ? (
              <button type="button" className={buttonVariants({ variant: "ghost" })} disabled={save.isPending} onClick={() => save.mutate(null)}>
                {t("googleOff")}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </form>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { UpdateNotificationsDocument, type MeQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { ME_KEY } from "@/lib/app/session";
import { Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";

type Me = MeQuery["me"];
type Choice = keyof Me["notifications"];
const CHOICES: Choice[] = ["quota80", "quota100", "connectionExpired"];

/**
 * Which emails Satu sends; each switch saves at once. The switches keep their own state, set in
 * the click itself (a controlled checkbox fed from the query cache would spring back until the
 * cache's batched update re-renders it); a failure puts the previous choice back.
 */
export function NotificationsPanel({ me }: { me: Me }) {
  const t = useT("settings");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [values, setValues] = useState(me.notifications);
  const save = useMutation({
    mutationFn: ({ choice, on }: { choice: Choice; on: boolean }) => gql(UpdateNotificationsDocument, { [choice]: on }),
    onError: (e, { choice, on }) => {
      setValues((v) => ({ ...v, [choice]: !on }));
      toast.error(errorText(e));
    },
    onSuccess: () => toast.ok(t("notifySaved")),
    onSettled: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  return (
    <Panel title={t("notifyTitle")} description={t("notifyLead")}>
      <fieldset>
        <legend className="sr-only">{t("notifyTitle")}</legend>
        <ul className="flex flex-col gap-4">
          {CHOICES.map((choice) => (
            <li key={choice}>
              <label className="flex cursor-pointer items-start gap-3">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-[var(--primary)]"
                  checked={values[choice]}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setValues((v) => ({ ...v, [choice]: on }));
                    save.mutate({ choice, on });
                  }}
                  data-testid={`notify-${choice}`}
                />
                <span className="min-w-0 text-sm">
                  <span className="font-medium">{t(`notify_${choice}`)}</span>
                  <span className="block text-muted-foreground">{t(`notify_${choice}_hint`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </Panel>
  );
}

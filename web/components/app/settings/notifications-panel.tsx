"use client";

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
 * Which emails Satu sends; each switch saves at once. The cache changes in the click itself
 * (a controlled checkbox would otherwise spring back until the mutation starts), and a failure
 * puts the previous answer back.
 */
export function NotificationsPanel({ me }: { me: Me }) {
  const t = useT("settings");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: ({ choice, on }: { choice: Choice; on: boolean; before: Me | undefined }) =>
      gql(UpdateNotificationsDocument, { [choice]: on }),
    onError: (e, { before }) => {
      client.setQueryData(ME_KEY, before);
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
                  checked={me.notifications[choice]}
                  onChange={(e) => {
                    const on = e.target.checked;
                    const before = client.getQueryData<Me>(ME_KEY);
                    void client.cancelQueries({ queryKey: ME_KEY });
                    client.setQueryData<Me>(ME_KEY, (m) => (m ? { ...m, notifications: { ...m.notifications, [choice]: on } } : m));
                    save.mutate({ choice, on, before });
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

"use client";

import { useT } from "@/lib/i18n/client";
import { useMe } from "@/lib/app/session";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { ProfileForm } from "@/components/app/settings/profile-form";
import { EmailPanel } from "@/components/app/settings/email-panel";
import { PasswordForm } from "@/components/app/settings/password-form";
import { DangerZone } from "@/components/app/settings/danger-zone";
import { NotificationsPanel } from "@/components/app/settings/notifications-panel";
import { SessionsPanel } from "@/components/app/settings/sessions-panel";
import { SupportViewsPanel } from "@/components/app/settings/support-views-panel";

export function SettingsPage() {
  const t = useT("settings");
  const me = useMe();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {me.isPending ? (
        <div className="flex flex-col gap-6">
          <Panel title={t("profileTitle")}>
            <Loading label={t("loading")} rows={3} />
          </Panel>
          <Panel title={t("passwordTitle")}>
            <Loading label={t("loading")} rows={3} />
          </Panel>
        </div>
      ) : me.error || !me.data ? (
        <Panel>
          <p role="alert" className="text-sm text-destructive">
            {t("loadFailed")}{" "}
            <button type="button" className="underline" onClick={() => me.refetch()}>
              {t("retry")}
            </button>
          </p>
        </Panel>
      ) : (
        <div className="flex flex-col gap-6">
          <ProfileForm me={me.data} />
          <EmailPanel me={me.data} />
          <PasswordForm email={me.data.email} hasPassword={me.data.hasPassword} />
          <NotificationsPanel me={me.data} />
          <SessionsPanel />
          <SupportViewsPanel />
          <DangerZone email={me.data.email} hasPassword={me.data.hasPassword} />
        </div>
      )}
    </>
  );
}

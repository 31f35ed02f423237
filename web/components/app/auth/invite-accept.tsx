"use client";

import { useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { gql, isUnauthenticated } from "@/lib/gql/client";
import {
  AcceptTeamInviteDocument,
  AcceptTeamInviteWithSignUpDocument,
  InvitePreviewDocument,
  MyTeamsDocument,
  type InvitePreviewQuery,
} from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { appPath, authPath } from "@/lib/app/paths";
import { useMe, useSignOut } from "@/lib/app/session";
import { actAsUserOnThisPage, switchWorkspace } from "@/lib/app/workspace";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { Loading } from "@/components/app/ui/panel";
import { AuthCard } from "@/components/app/auth/auth-card";

type Invite = NonNullable<InvitePreviewQuery["teamInvite"]>;
const MIN_PASSWORD = 10;

/** The page an invite email links to: join as the signed-in invitee, sign in first, or sign
 * up with the invited address on the way. */
export function InviteAccept() {
  actAsUserOnThisPage();
  const t = useT("team");
  const token = useSearchParams().get("token") ?? "";
  const preview = useQuery({
    queryKey: ["invitePreview", token],
    queryFn: () => gql(InvitePreviewDocument, { token }).then((d) => d.teamInvite),
    enabled: token !== "",
  });
  const me = useMe();
  const signedOut = isUnauthenticated(me.error);
  if (!token || preview.data === null) {
    return (
      <AuthCard title={t("acceptTitle")}>
        <FormError>{t("acceptInvalid")}</FormError>
      </AuthCard>
    );
  }
  if (preview.isPending || (me.isPending && !signedOut)) {
    return (
      <AuthCard title={t("acceptTitle")}>
        <Loading label={t("loading")} rows={2} />
      </AuthCard>
    );
  }
  if (preview.error || !preview.data) {
    return (
      <AuthCard title={t("acceptTitle")}>
        <FormError>{t("acceptLoadFailed")}</FormError>
      </AuthCard>
    );
  }
  const invite = preview.data;
  return (
    <AuthCard title={t("acceptHeading", { team: invite.teamName })} lead={t("acceptLead", { role: t(`role_${invite.role}`), email: invite.email })}>
      {me.data ? (
        me.data.email.toLowerCase() === invite.email.toLowerCase() ? (
          <Join token={token} invite={invite} />
        ) : (
          <OtherAccount invite={invite} signedInAs={me.data.email} />
        )
      ) : invite.accountExists ? (
        <SignInFirst invite={invite} />
      ) : (
        <SignUpAndJoin token={token} invite={invite} />
      )}
    </AuthCard>
  );
}

function Join({ token, invite }: { token: string; invite: Invite }) {
  const t = useT("team");
  const locale = useLocale();
  const errorText = useErrorText();
  const accept = useMutation({
    mutationFn: () => gql(AcceptTeamInviteDocument, { token }),
    onSuccess: (d) => switchWorkspace(d.acceptTeamInvite.id, appPath(locale, "team")),
  });
  return (
    <div className="flex flex-col gap-4">
      <FormError>{accept.error ? errorText(accept.error) : null}</FormError>
      <button type="button" className={buttonVariants({ size: "lg" })} disabled={accept.isPending} onClick={() => accept.mutate()} data-testid="invite-join">
        <Users aria-hidden />
        {t("acceptJoin", { team: invite.teamName })}
      </button>
    </div>
  );
}

function OtherAccount({ invite, signedInAs }: { invite: Invite; signedInAs: string }) {
  const t = useT("team");
  const locale = useLocale();
  const here = typeof location === "undefined" ? "" : location.pathname + location.search;
  const signOut = useSignOut(`${authPath(locale, "signin")}?next=${encodeURIComponent(here)}`);
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <FormError>{t("acceptOtherEmail", { invited: invite.email, current: signedInAs })}</FormError>
      {failed ? <FormError>{t("acceptSignOutFailed")}</FormError> : null}
      <button type="button" className={buttonVariants({ variant: "outline", size: "lg" })} onClick={() => signOut().catch(() => setFailed(true))} data-testid="invite-switch-account">
        {t("acceptSwitchAccount", { email: invite.email })}
      </button>
    </div>
  );
}

function SignInFirst({ invite }: { invite: Invite }) {
  const t = useT("team");
  const locale = useLocale();
  const here = typeof location === "undefined" ? "" : location.pathname + location.search;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">{t("acceptSignInFirst", { email: invite.email })}</p>
      <Link href={`${authPath(locale, "signin")}?next=${encodeURIComponent(here)}`} className={buttonVariants({ size: "lg" })} data-testid="invite-signin">
        {t("acceptSignIn")}
      </Link>
    </div>
  );
}

function SignUpAndJoin({ token, invite }: { token: string; invite: Invite }) {
  const t = useT("team");
  const a = useT("auth");
  const locale = useLocale();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const join = useMutation({
    mutationFn: async () => {
      await gql(AcceptTeamInviteWithSignUpDocument, { token, password, displayName: name.trim() || null, locale });
      // A new account belongs to exactly this team.
      const { teams } = await gql(MyTeamsDocument);
      return teams.find((x) => x.name === invite.teamName) ?? teams[0];
    },
    onSuccess: (team) => (team ? switchWorkspace(team.id, appPath(locale, "team")) : location.assign(appPath(locale))),
  });
  return (
    <form
      method="post"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const short = password.length < MIN_PASSWORD;
        setTooShort(short);
        if (!short) join.mutate();
      }}
    >
      <p className="text-sm text-muted-foreground">{t("acceptSignUpLead")}</p>
      <Field label={a("email")} name="email" type="email" autoComplete="email" value={invite.email} readOnly />
      <Field label={a("name")} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} data-testid="invite-name" />
      <Field
        label={a("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={a("passwordHint", { n: MIN_PASSWORD })}
        error={tooShort ? a("passwordTooShort", { n: MIN_PASSWORD }) : null}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        data-testid="invite-password"
      />
      <FormError>{join.error ? errorText(join.error) : null}</FormError>
      <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || join.isPending} data-testid="invite-signup">
        {t("acceptSignUp", { team: invite.teamName })}
      </button>
      <p className="text-center text-xs text-muted-foreground">{a("terms")}</p>
    </form>
  );
}

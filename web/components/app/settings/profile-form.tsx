"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Languages } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { UpdateProfileDocument, type MeQuery } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { ME_KEY } from "@/lib/app/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { LOCALE_STORAGE_KEY } from "@/components/locale-switch";
import { Field, FormError, SelectField } from "@/components/app/ui/field";
import { Panel } from "@/components/app/ui/panel";
import { useErrorText } from "@/lib/app/errors";
import { useToast } from "@/components/app/ui/toast";
import { MAX_DISPLAY_NAME } from "@/components/app/settings/errors";

type Me = MeQuery["me"];
type AppLocale = "id" | "en";

/** The same page in `target`: only the leading /id/ or /en/ of the address changes. */
function switchLocale(target: AppLocale) {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, target);
  } catch {
    /* private mode: the address alone carries the language */
  }
  const path = location.pathname.replace(/^\/(id|en)(?=\/|$)/, `/${target}`);
  location.assign(path + location.search + location.hash);
}

export function ProfileForm({ me }: { me: Me }) {
  const t = useT("settings");
  const c = useT("common");
  const pageLocale = useLocale();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [name, setName] = useState(me.displayName ?? "");
  const [locale, setLocale] = useState<AppLocale>(me.locale === "en" || me.locale === "id" ? me.locale : pageLocale);
  // After a save in another language than the page's: offer that language.
  const [offer, setOffer] = useState<AppLocale | null>(null);
  const save = useMutation({
    mutationFn: () => gql(UpdateProfileDocument, { displayName: name.trim() || null, locale }),
    onSuccess: (d) => {
      // The answer has the profile's fields only: merge them into what `me` already holds.
      client.setQueryData<MeQuery["me"]>(ME_KEY, (old) => (old ? { ...old, ...d.updateProfile } : old));
      void client.invalidateQueries({ queryKey: ME_KEY });
      setName(d.updateProfile.displayName ?? "");
      toast.ok(t("profileSaved"));
      setOffer(locale !== pageLocale ? locale : null);
    },
  });
  const tooLong = name.trim().length > MAX_DISPLAY_NAME;
  return (
    <Panel title={t("profileTitle")} description={t("profileLead")}>
      <form
        className="flex max-w-xl flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooLong) save.mutate();
        }}
      >
        <Field
          label={t("displayName")}
          name="displayName"
          autoComplete="name"
          placeholder={t("displayNamePlaceholder")}
          hint={t("displayNameHint", { max: MAX_DISPLAY_NAME })}
          maxLength={MAX_DISPLAY_NAME}
          error={tooLong ? t("errors.displayNameInvalid", { max: MAX_DISPLAY_NAME }) : null}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t("language")}
          name="locale"
          hint={t("languageHint")}
          value={locale}
          onChange={(e) => setLocale(e.target.value === "en" ? "en" : "id")}
        >
          <option value="id" lang="id">
            Bahasa Indonesia
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <FormError>{save.error ? errorText(save.error) : null}</FormError>
        {offer ? (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-muted/50 px-3 py-2 text-sm">
            <Languages aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            <p className="min-w-0 flex-[1_1_12rem]">{t(`switchOffer_${offer}`)}</p>
            <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} lang={offer} onClick={() => switchLocale(offer)}>
              {t(`switchTo_${offer}`)}
            </button>
          </div>
        ) : null}
        <div>
          <button type="submit" className={buttonVariants()} disabled={save.isPending} data-testid="profile-save">
            {save.isPending ? c("saving") : t("profileSave")}
          </button>
        </div>
      </form>
    </Panel>
  );
}

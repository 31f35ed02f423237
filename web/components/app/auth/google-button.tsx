"use client";

import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { StartGoogleDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useServerInfo } from "@/lib/app/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { FormError } from "@/components/app/ui/field";

/** "Continue with Google", only when the server has Google sign-in configured. */
export function GoogleButton() {
  const t = useT("auth");
  const info = useServerInfo();
  const errorText = useErrorText();
  const start = useMutation({
    mutationFn: () => gql(StartGoogleDocument),
    onSuccess: (d) => location.assign(d.startGoogleSignIn.authorizeUrl),
  });
  if (!info.data?.googleSignIn) return null;
  return (
    <div className="mb-6 flex flex-col gap-3">
      <button type="button" className={buttonVariants({ variant: "outline", size: "lg" })} disabled={start.isPending} onClick={() => start.mutate()}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-5">
          <path fill="#4285F4" d="M22.5 12.3c0-.8-.1-1.5-.2-2.2H12v4.2h5.9a5 5 0 0 1-2.2 3.3v2.7h3.5c2.1-1.9 3.3-4.7 3.3-8" />
          <path fill="#34A853" d="M12 23c3 0 5.5-1 7.3-2.7l-3.5-2.7c-1 .7-2.3 1.1-3.8 1.1-2.9 0-5.4-2-6.3-4.7H2.1v2.8A11 11 0 0 0 12 23" />
          <path fill="#FBBC05" d="M5.7 14c-.2-.7-.4-1.4-.4-2s.1-1.4.4-2V7.2H2.1a11 11 0 0 0 0 9.7z" />
          <path fill="#EA4335" d="M12 5.4c1.6 0 3.1.6 4.2 1.7l3.2-3.2A11 11 0 0 0 2.1 7.2L5.7 10c.9-2.7 3.4-4.6 6.3-4.6" />
        </svg>
        {t("google")}
      </button>
      <FormError>{start.error ? errorText(start.error) : null}</FormError>
      <p className="flex items-center gap-3 text-xs text-muted-foreground before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
        {t("or")}
      </p>
    </div>
  );
}

"use client";

import { createContext, useCallback, useContext, useMemo } from "react";

// The dashboard renders in the browser, so it needs its strings there: the server layout hands
// the app's catalogue (messages/app/*) to this provider once per page. The public site keeps
// translating on the server and ships no catalogue.
export type Messages = { [key: string]: string | Messages };
type Vars = Record<string, string | number>;

const Ctx = createContext<{ locale: "id" | "en"; messages: Messages }>({ locale: "id", messages: {} });

export function AppIntl({
  locale,
  messages,
  children,
}: {
  locale: "id" | "en";
  messages: Messages;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

function lookup(messages: Messages, path: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function format(template: string, vars?: Vars) {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `t("key", { n: 3 })` within `namespace`; a missing key shows itself, so it is seen in tests. */
export function useT(namespace?: string) {
  const { messages } = useContext(Ctx);
  return useCallback(
    (key: string, vars?: Vars) => {
      const path = namespace ? `${namespace}.${key}` : key;
      const found = lookup(messages, path);
      return found === undefined ? path : format(found, vars);
    },
    [messages, namespace],
  );
}

/** Whether a key exists (optional strings such as error reasons). */
export function useHasT() {
  const { messages } = useContext(Ctx);
  return useCallback((path: string) => lookup(messages, path) !== undefined, [messages]);
}

export function useLocale() {
  return useContext(Ctx).locale;
}

/** BCP 47 tag for Intl formatting. */
export function useIntlTag() {
  return useLocale() === "id" ? "id-ID" : "en-US";
}

"use client";

import { useState } from "react";
import { Search } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field } from "@/components/app/ui/field";

/** A search box sent with Enter or its button (not on every key: each search is a query to the API). */
export function SearchForm({ label, placeholder, onSearch, testId }: { label: string; placeholder: string; onSearch: (text: string) => void; testId: string }) {
  const t = useT("admin");
  const [text, setText] = useState("");
  return (
    <form
      role="search"
      aria-label={label}
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Field label={label} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} className="flex-1" data-testid={testId} />
      <button type="submit" className={buttonVariants()} data-testid={`${testId}-submit`}>
        <Search aria-hidden />
        {t("search")}
      </button>
    </form>
  );
}

/**
 * A filter applied as the operator types, for lists the page already holds whole (no request
 * per key, unlike SearchForm).
 */
export function FilterField({ label, placeholder, value, onChange, testId }: { label: string; placeholder: string; value: string; onChange: (text: string) => void; testId: string }) {
  return <Field label={label} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} className="w-72" data-testid={testId} />;
}

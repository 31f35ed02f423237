"use client";

import { useId } from "react";
import { cx } from "@/lib/cx";

export const inputClass =
  "h-10 w-full min-w-0 rounded-lg border border-border bg-background px-3 text-sm outline-none transition-colors placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 aria-invalid:border-destructive disabled:opacity-60 [&[readonly]]:bg-muted";

/** A labelled input with its hint and inline error, wired with aria-describedby. */
export function Field({
  label,
  hint,
  error,
  className,
  textarea,
  ...props
}: React.ComponentProps<"input"> & {
  label: string;
  hint?: string;
  error?: string | null;
  textarea?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
  };
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {textarea ? (
        <textarea
          {...common}
          name={props.name}
          value={props.value as string}
          onChange={props.onChange as unknown as React.ChangeEventHandler<HTMLTextAreaElement>}
          placeholder={props.placeholder}
          required={props.required}
          rows={4}
          className={cx(inputClass, "h-auto py-2 font-mono")}
        />
      ) : (
        <input {...props} {...common} className={inputClass} />
      )}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A native select styled like the inputs (native: keyboard and screen readers for free). */
export function SelectField({
  label,
  hint,
  children,
  className,
  ...props
}: React.ComponentProps<"select"> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} {...props} aria-describedby={hint ? `${id}-hint` : undefined} className={cx(inputClass, "pr-8")}>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled multi-line text box in prose (Field's `textarea` is monospace, for pasted code);
 * `mono` for code typed here (SQL), with the box's other props.
 */
export function TextAreaField({
  label,
  hint,
  error,
  mono,
  className,
  ...props
}: React.ComponentProps<"textarea"> & { label: string; hint?: string; error?: string | null; mono?: boolean }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        rows={3}
        {...props}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={cx(inputClass, "h-auto py-2", mono && "font-mono text-[13px] leading-relaxed")}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ children }: { children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {children}
    </p>
  );
}

import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names without tailwind-merge, for client components (keeps ~9 KiB gzip of
 * tailwind-merge out of the browser). Use it only where the classes cannot conflict; a
 * caller-supplied className that overrides a default needs `cn()` on the server instead.
 */
export function cx(...inputs: ClassValue[]) {
  return clsx(inputs);
}

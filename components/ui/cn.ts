import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones, and lets a later Tailwind class win over an earlier
 * one of the same kind (`cn("px-3", "px-4")` is `px-4`): a caller's className overrides a
 * primitive's default no matter where either comes in the stylesheet.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}

"use client";

import { type RefObject, useEffect } from "react";

/** After a failed submit, moves focus to the first invalid field so keyboard and screen-reader users land on it. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, errors: object) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each failed submit, which hands in a new errors object
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [formRef, errors]);
}

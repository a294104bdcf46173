"use client";

import { useState } from "react";
import { apiRequest, type FieldErrors, fieldErrorsOf } from "../api-request";

// The submit cycle every catalog form shares: send, keep the form open on failure with each
// field error next to its field (or the problem's detail above the form), hand back the data.

export function useApiForm() {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();

  async function send<T>(path: string, init: { method: string; body?: unknown }, knownFields?: readonly string[]): Promise<T | null> {
    if (pending) return null;
    setAlert(undefined);
    setPending(true);
    const result = await apiRequest<T>(path, init);
    setPending(false);
    if (result.ok) {
      setErrors({});
      return result.data;
    }
    const fieldErrors = fieldErrorsOf(result.problem);
    setErrors(fieldErrors);
    // Errors for fields the form does not show would otherwise be invisible.
    const shown = Object.keys(fieldErrors).some((path) => !knownFields || knownFields.some((f) => path === f || path.startsWith(`${f}.`)));
    if (!shown) setAlert(result.problem.detail);
    return null;
  }

  return { pending, errors, setErrors, alert, setAlert, send };
}

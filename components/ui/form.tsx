"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type ComponentProps, type ReactNode, useEffect, useId, useRef } from "react";
import {
  type Control,
  type DefaultValues,
  type FieldPath,
  type FieldValues,
  FormProvider,
  get,
  type FieldError as HookFieldError,
  type SubmitHandler,
  type UseFormReturn,
  useController,
  useForm,
  useFormState,
} from "react-hook-form";
import { z } from "zod";
import type { FieldError, Problem } from "@/lib/errors";
import { apiRequest } from "../api-request";
import { Button } from "./button";
import { cn } from "./cn";
import { DialogClose, DialogFooter } from "./dialog";
import { SelectField, type SelectFieldProps, TextareaField, type TextareaFieldProps } from "./form-controls";
import { FormAlert, TextField, type TextFieldProps } from "./form-field";
import { Checkbox } from "./input";
import { type ToastInput, useToast } from "./toast";

// Every dashboard form is react-hook-form validated by a zod schema from lib/schemas (through
// @hookform/resolvers), and sends through apiRequest. Both the schema's issues and the API's
// problem+json `errors[]` are keyed by the request's field paths, so one set of field errors
// shows either (docs/decisions.md, "One way to write a form").

export type ApiForm<TValues extends FieldValues, TBody> = UseFormReturn<TValues, unknown, TBody> & {
  /** Sends a request; a refusal puts each `errors[]` entry on its field, the rest above the form, and gives null. */
  send: <T>(path: string, init: { method: string; body?: unknown }) => Promise<T | null>;
  /** An onSubmit that sends the body to `path` and hands a success's answer to `onSaved`. */
  submitTo: <T>(method: string, path: string, onSaved: (saved: T) => void) => SubmitHandler<TBody>;
  /** True from a submit until it has been checked and answered: a second Enter meanwhile sends nothing. */
  busy: { current: boolean };
};

/** The schema of a form whose values are reshaped before they are sent: `toBody`, then the API's own schema. */
export function bodySchema<TValues extends FieldValues, TBody>(
  toBody: (values: TValues) => unknown,
  schema: z.ZodType<TBody>,
): z.ZodType<TBody, TValues> {
  return z.custom<TValues>().transform(toBody).pipe(schema);
}

export type ApiFormOptions = {
  /** The form field that shows an API error path when their names differ (e.g. `expiresAt` → `expiry`). */
  fieldOf?: (path: string) => string | undefined;
};

/**
 * A form whose values `schema` turns into the request body. Fields are marked invalid from the
 * first submit on, then re-checked as they change. Not on leaving a field: an error line appearing
 * on blur moves everything below it, under the pointer that is about to click there.
 */
export function useApiForm<TValues extends FieldValues, TBody>(
  schema: z.ZodType<TBody, TValues>,
  defaultValues: DefaultValues<TValues>,
  options: ApiFormOptions = {},
): ApiForm<TValues, TBody> {
  const form = useForm<TValues, unknown, TBody>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // Focus goes to the first invalid control in page order, custom controls included (Form does it).
    shouldFocusError: false,
  });
  const busy = useRef(false);
  async function send<T>(path: string, init: { method: string; body?: unknown }): Promise<T | null> {
    const result = await apiRequest<T>(path, init);
    if (result.ok) return result.data;
    showProblem(form, result.problem, options.fieldOf);
    return null;
  }
  const submitTo =
    <T,>(method: string, path: string, onSaved: (saved: T) => void): SubmitHandler<TBody> =>
    async (body) => {
      const saved = await send<T>(path, { method, body });
      if (saved !== null) onSaved(saved);
    };
  return { ...form, send, submitTo, busy };
}

/** Puts a problem's `errors[]` on the form's fields; the detail, or any error no field shows, goes above the form. */
export function showProblem<TValues extends FieldValues>(
  form: UseFormReturn<TValues, unknown, unknown>,
  problem: Pick<Problem, "detail" | "errors">,
  fieldOf?: (path: string) => string | undefined,
) {
  // Only a field the form shows can show its error; the rest would be invisible there. (`_names.mount`
  // is react-hook-form's own record of the fields rendered now: typed, if not documented.)
  const shown = [...form.control._names.mount];
  const isShown = (field: string) => shown.some((name) => field === name || field.startsWith(`${name}.`));
  const placed = new Set<string>();
  const unplaced: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    const field = fieldOf?.(error.path) ?? error.path;
    if (!field || !isShown(field)) unplaced.push(error);
    else if (!placed.has(field)) {
      placed.add(field);
      form.setError(field as FieldPath<TValues>, { type: "server", message: error.message });
    }
  }
  const rest = unplaced.map((e) => `${e.path} ${e.message}`.trim()).join(" · ");
  if (rest) form.setError("root.server", { type: "server", message: rest });
  else if (placed.size === 0) form.setError("root.server", { type: "server", message: problem.detail });
}

/** The message at a field path (`labels.0.key`) of a form's errors. */
export function errorAt(errors: object, path: string): string | undefined {
  const error: HookFieldError | undefined = get(errors, path);
  return typeof error?.message === "string" ? error.message : undefined;
}

/** Every message under `prefix` (e.g. `permissions`) as a flat list with full paths, as the API sends them. */
export function errorsUnder(errors: object, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const { message, type, ref: _ref, types: _types, ...children } = node as Record<string, unknown>;
    if (typeof message === "string" && typeof type === "string") found.push({ path, message });
    for (const [key, child] of Object.entries(children)) walk(child, `${path}.${key}`);
  };
  walk(get(errors, prefix), prefix);
  return found;
}

export type FormProps<TValues extends FieldValues, TBody> = Omit<ComponentProps<"form">, "onSubmit"> & {
  form: ApiForm<TValues, TBody>;
  onSubmit: SubmitHandler<TBody>;
  /** Where a refusal no field shows goes: above the fields, or next to the buttons (for long forms). */
  alertAt?: "start" | "end";
};

/** The <form>: validates, submits once at a time, shows the form-level alert and focuses the first invalid field. */
export function Form<TValues extends FieldValues, TBody>({
  form,
  onSubmit,
  alertAt = "start",
  className,
  children,
  ...props
}: FormProps<TValues, TBody>) {
  const ref = useRef<HTMLFormElement>(null);
  const { submitCount, isSubmitting, errors } = form.formState;
  // After every completed submit (refused by the schema or by the API), the first invalid field takes focus.
  useEffect(() => {
    if (submitCount > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);
  const alert = <FormAlert>{errors.root?.server?.message}</FormAlert>;
  const submit = form.handleSubmit(onSubmit);
  return (
    <FormProvider {...form}>
      <form
        ref={ref}
        noValidate
        aria-busy={isSubmitting || undefined}
        className={cn("space-y-4", className)}
        onSubmit={async (event) => {
          if (form.busy.current) return event.preventDefault();
          form.busy.current = true;
          try {
            await submit(event);
          } finally {
            form.busy.current = false;
          }
        }}
        {...props}
      >
        {alertAt === "start" ? alert : null}
        {children}
        {alertAt === "end" ? alert : null}
      </form>
    </FormProvider>
  );
}

/** The submit button: shows progress while the submit runs (or while `pending` says so, e.g. during the navigation after it). */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  ...props
}: ComponentProps<typeof Button> & { pending?: boolean; pendingLabel?: string }) {
  const busy = useFormState().isSubmitting || Boolean(pending);
  return (
    <Button {...props} type="submit" loading={busy}>
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

/** A dialog form's buttons: Cancel, and the submit button. */
export function DialogFormFooter({ submitLabel, pendingLabel }: { submitLabel: string; pendingLabel?: string }) {
  const { isSubmitting } = useFormState();
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary" disabled={isSubmitting}>
          Cancel
        </Button>
      </DialogClose>
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </DialogFooter>
  );
}

/** True while the form's submit is running, for controls that should not change meanwhile. */
export function useFormPending(): boolean {
  return useFormState().isSubmitting;
}

type Connected<TValues extends FieldValues, P> = Omit<P, "name" | "value" | "onChange" | "onBlur" | "error" | "checked"> & {
  control: Control<TValues, unknown, unknown>;
  name: FieldPath<TValues>;
};

/** A TextField bound to a form field. */
export function FormText<TValues extends FieldValues>({ control, name, ...props }: Connected<TValues, TextFieldProps>) {
  const { field, fieldState } = useController({ control, name });
  return <TextField {...props} {...field} value={field.value ?? ""} error={fieldState.error?.message} />;
}

/** A password input bound to a form field. */
export function FormPassword<TValues extends FieldValues>(props: Connected<TValues, TextFieldProps>) {
  return <FormText {...props} type="password" />;
}

/** A TextareaField (with its counter) bound to a form field. */
export function FormTextarea<TValues extends FieldValues>({ control, name, ...props }: Connected<TValues, TextareaFieldProps>) {
  const { field, fieldState } = useController({ control, name });
  return <TextareaField {...props} {...field} value={field.value ?? ""} error={fieldState.error?.message} />;
}

/** A SelectField bound to a form field; `onValueChange` runs after the form has taken the new value. */
export function FormSelect<TValues extends FieldValues>({
  control,
  name,
  onValueChange,
  ...props
}: Connected<TValues, SelectFieldProps> & { onValueChange?: (value: string) => void }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <SelectField
      {...props}
      {...field}
      value={field.value ?? ""}
      onChange={(event) => {
        field.onChange(event.target.value);
        onValueChange?.(event.target.value);
      }}
      error={fieldState.error?.message}
    />
  );
}

/** A checkbox in a bordered box, with its label and a line saying what it does. */
export function FormCheckbox<TValues extends FieldValues>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<TValues, unknown, unknown>;
  name: FieldPath<TValues>;
  label: ReactNode;
  hint: ReactNode;
}) {
  const { field } = useController({ control, name });
  const id = useId();
  return (
    <div className="flex items-start gap-3 rounded-md border border-line p-3">
      <Checkbox
        id={id}
        ref={field.ref}
        name={field.name}
        checked={Boolean(field.value)}
        disabled={field.disabled}
        onBlur={field.onBlur}
        onChange={(event) => field.onChange(event.target.checked)}
        className="mt-0.5"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** After a saved form: say so, close its dialog, and re-render the page with the new data. */
export function useFinish(onDone?: () => void) {
  const router = useRouter();
  const { toast } = useToast();
  return (message: Omit<ToastInput, "tone">) => {
    toast({ tone: "success", ...message });
    onDone?.();
    router.refresh();
  };
}

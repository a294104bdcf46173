"use client";

import type { ReactNode } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { Button } from "./button";
import { cn } from "./cn";
import { errorAt } from "./form";
import { Input } from "./input";

// A list of small records edited in place (an app's labels, a chart group's charts): one
// row of inputs each, a Remove per row, an Add button up to a limit, each error under its row.

export type ListColumn<Row> = { key: keyof Row & string; label: string; placeholder: string; maxLength?: number; className?: string };

export type ListEditorProps<TValues extends FieldValues, Row> = {
  control: Control<TValues, unknown, unknown>;
  name: FieldPath<TValues>;
  /** The legend, e.g. "Labels"; the singular noun names rows and buttons ("Label 2 key", "Add label"). */
  legend: string;
  noun: string;
  columns: ListColumn<Row>[];
  newRow: () => Row;
  max: number;
  emptyText: string;
  /** More controls at the end of a row (before Remove), e.g. a checkbox. */
  extra?: (row: Row, set: (patch: Partial<Row>) => void, n: number) => ReactNode;
  className?: string;
};

export function ListEditor<TValues extends FieldValues, Row extends Record<string, unknown>>({
  control,
  name,
  legend,
  noun,
  columns,
  newRow,
  max,
  emptyText,
  extra,
  className,
}: ListEditorProps<TValues, Row>) {
  const { field, formState } = useController({ control, name });
  const rows: Row[] = field.value ?? [];
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const listError = errorAt(formState.errors, name);
  const set = (index: number, patch: Partial<Row>) => field.onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className={cn("space-y-2", className)} disabled={field.disabled || formState.isSubmitting}>
      <legend className="text-sm font-medium">{legend}</legend>
      {listError ? <p className="text-sm text-danger-text">{`${legend} ${listError}`}</p> : null}
      {rows.length === 0 ? <p className="text-xs text-muted">{emptyText}</p> : null}
      {rows.map((row, i) => {
        const n = i + 1;
        const errors = columns.map((column) => ({ column, message: errorAt(formState.errors, `${name}.${i}.${column.key}`) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by position; there is no other identity
          <div key={i} className="space-y-1">
            <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
              {errors.map(({ column, message }) => (
                <Input
                  key={column.key}
                  aria-label={`${Noun} ${n} ${column.label.toLowerCase()}`}
                  placeholder={column.placeholder}
                  value={String(row[column.key] ?? "")}
                  maxLength={column.maxLength}
                  aria-invalid={message ? true : undefined}
                  onChange={(e) => set(i, { [column.key]: e.target.value } as Partial<Row>)}
                  onBlur={field.onBlur}
                  className={cn("min-w-0 flex-1", column.className)}
                />
              ))}
              {extra?.(row, (patch) => set(i, patch), n)}
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove ${noun} ${n}`}
                onClick={() => field.onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
            {errors.map(({ column, message }) =>
              message ? (
                <p key={column.key} className="text-sm text-danger-text">
                  {column.label} {message}
                </p>
              ) : null,
            )}
          </div>
        );
      })}
      {rows.length < max ? (
        <Button variant="secondary" size="sm" onClick={() => field.onChange([...rows, newRow()])}>
          Add {noun}
        </Button>
      ) : null}
    </fieldset>
  );
}

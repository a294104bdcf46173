// Plain words for JSON Schema (what zod emits into the OpenAPI document): a type and
// its rules, for the reference page's field tables.

export type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
};

const literal = (value: unknown) => JSON.stringify(value);

function variants(s: JsonSchema): JsonSchema[] | undefined {
  return s.oneOf ?? s.anyOf;
}

/** A discriminated union of objects reads as "object, by superAdmin: true | false". */
function unionText(options: JsonSchema[]): string {
  const objects = options.filter((o) => o.type === "object");
  if (objects.length === options.length) {
    const keys = Object.keys(objects[0]?.properties ?? {});
    const tag = keys.find((k) => objects.every((o) => o.properties?.[k]?.const !== undefined));
    if (tag) return `object, by ${tag}: ${objects.map((o) => literal(o.properties?.[tag]?.const)).join(" | ")}`;
  }
  return [...new Set(options.map(typeText))].join(" or ");
}

export function typeText(s: JsonSchema): string {
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) return s.enum.map(literal).join(" | ");
  const union = variants(s);
  if (union) return unionText(union);
  const type = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
  if (type === "array") return `array of ${s.items ? typeText(s.items) : "any"}`;
  if (s.format) return `${type} (${s.format})`;
  return type;
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  const big = (n: number | undefined) => (n !== undefined && n >= Number.MAX_SAFE_INTEGER ? undefined : n);
  const [lo, hi] = [big(min), big(max)];
  if (lo !== undefined && hi !== undefined) return `${lo}–${hi}${unit}`;
  if (lo !== undefined) return `at least ${lo}${unit}`;
  if (hi !== undefined) return `at most ${hi}${unit}`;
  return null;
}

/** The rules a value must follow, e.g. ["3–50 characters", "matches ^[a-z0-9]"]. */
export function rulesOf(s: JsonSchema): string[] {
  const rules: string[] = [];
  const length = range(s.minLength, s.maxLength, " characters");
  if (length) rules.push(length);
  const value = range(s.minimum, s.maximum, "");
  if (value) rules.push(value);
  const items = range(s.minItems, s.maxItems, " items");
  if (items) rules.push(items);
  // Format regexes (date-time) are long and say no more than the format does.
  const patterns = [s.pattern, ...(s.allOf ?? []).map((a) => a.pattern)].filter((p): p is string => Boolean(p) && !s.format);
  for (const p of patterns) rules.push(`matches ${p}`);
  for (const option of variants(s) ?? []) if (option.type !== "object") rules.push(...rulesOf(option));
  if (s.items && s.items.type !== "object") rules.push(...rulesOf(s.items).map((r) => `each: ${r}`));
  if (s.default !== undefined) rules.push(`default ${literal(s.default)}`);
  return rules;
}

export type FieldRow = { name: string; type: string; required: boolean; rules: string[] };

/** An object's fields, and one level of fields inside arrays of objects (labels[].key). */
export function fieldRows(s: JsonSchema, prefix = ""): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    rows.push({ name: `${prefix}${name}`, type: typeText(field), required: s.required?.includes(name) ?? false, rules: rulesOf(field) });
    if (!prefix && field.items?.type === "object") rows.push(...fieldRows(field.items, `${name}[].`));
  }
  return rows;
}

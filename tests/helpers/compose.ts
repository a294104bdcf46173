import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ROOT } from "./image";

// docker-compose.yml read as Compose reads it: variables interpolated from an env file
// (`${VAR}`, `${VAR:-default}`, `${VAR:?message}`, `$$` for a literal `$`).

export type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
};
export type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

export function readEnvFile(file: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]!] = m[2]!;
  }
  return vars;
}

/** Every variable the compose file refers to. */
export function composeVariables(text = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8")): string[] {
  return [...new Set([...text.replace(/\$\$/g, "").matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!))].sort();
}

export function readCompose(vars: Record<string, string>): Compose {
  const text = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
  const interpolated = text.replace(
    /\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g,
    (whole, name?: string, op?: string, arg?: string) => {
      if (whole === "$$") return "$";
      const value = vars[name!];
      if (value) return value;
      if (op === ":?") throw new Error(`${name}: ${arg}`);
      return op === ":-" ? arg! : "";
    },
  );
  return parse(interpolated) as Compose;
}

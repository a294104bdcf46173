import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Reads a Dockerfile and a .dockerignore the way `docker build` does, for the tests that
// follow the Dockerfile without a Docker engine (tests/deploy/, tests/postgres/image.test.ts):
// stages and their instructions, COPY's flags, sources and destination, ENV pairs, the
// exec-form commands, and which files of the build context are sent.

export type Instruction = { keyword: string; args: string };
export type Stage = { name: string | null; base: string; instructions: Instruction[] };
export type Copy = { from: string | null; chown: string | null; sources: string[]; dest: string };

/** Instructions in order, with line continuations joined and comments dropped. */
export function readInstructions(text: string): Instruction[] {
  const joined: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && current === "")) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    joined.push(current + line);
    current = "";
  }
  return joined
    .filter((l) => l.trim())
    .map((l) => {
      const [keyword, ...rest] = l.trim().split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
}

export function readStages(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const i of readInstructions(text)) {
    if (i.keyword === "FROM") {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(i.args);
      if (!m) throw new Error(`Cannot read FROM ${i.args}`);
      stages.push({ name: m[2] ?? null, base: m[1]!, instructions: [] });
    } else if (stages.length) stages.at(-1)!.instructions.push(i);
  }
  return stages;
}

/** Words of a shell-form line, or the array of an exec-form (JSON) one. */
function words(args: string): string[] {
  return args.trim().startsWith("[") ? (JSON.parse(args) as string[]) : args.trim().split(/\s+/);
}

export function readCopy(args: string): Copy {
  const all = words(args);
  const flags = new Map<string, string>();
  while (all[0]?.startsWith("--")) {
    const [flag, value = ""] = all.shift()!.slice(2).split(/=(.*)/s);
    flags.set(flag!, value);
  }
  const dest = all.pop();
  if (!dest || all.length === 0) throw new Error(`COPY needs a source and a destination: COPY ${args}`);
  return { from: flags.get("from") ?? null, chown: flags.get("chown") ?? null, sources: all, dest };
}

/** ENV's key=value pairs (quotes removed), or the old `ENV key value` form. */
export function readEnv(args: string): Record<string, string> {
  if (!args.includes("=")) {
    const [key, ...value] = args.split(/\s+/);
    return { [key!]: value.join(" ") };
  }
  const env: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) env[m[1]!] = m[2]!.replace(/^"(.*)"$/s, "$1");
  return env;
}

/** The argv of an exec-form CMD, ENTRYPOINT or HEALTHCHECK … CMD. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf("["));
  const argv = JSON.parse(json) as unknown;
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) throw new Error(`Not an exec form: ${args}`);
  return argv as string[];
}

/** Whether `file` (relative to the context, with /) is left out of the build context by these .dockerignore lines. */
export function ignoredBy(lines: string[], file: string): boolean {
  let ignored = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    const pattern = path.posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ""));
    // A pattern that names a folder leaves out everything under it.
    const parts = file.split("/");
    const matched = parts.some((_, n) => globMatch(pattern, parts.slice(0, n + 1).join("/")));
    if (matched) ignored = !negate;
  }
  return ignored;
}

function globMatch(pattern: string, file: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      // `**/` matches any number of folders, none included.
      re += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(file);
}

/** Every file `docker build` would send from `root` (relative paths with /). */
export function contextFiles(root: string): string[] {
  const ignore = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const file = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Docker reads into an ignored folder only for an exception; these lines have none.
        if (!ignoredBy(ignore, file)) walk(file);
      } else if (!ignoredBy(ignore, file)) out.push(file);
    }
  };
  walk("");
  return out.sort();
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

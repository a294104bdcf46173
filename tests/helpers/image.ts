import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execForm, type Instruction, isDirectory, readCopy, readEnv, readStages, type Stage } from "./dockerfile";
import { type ProductionServer, watchServer } from "./production-server";

// The Docker image's final stage, without a Docker engine: what its COPY lines put where,
// and how its CMD starts, as which user, with which environment. A file at a build stage's
// WORKDIR is taken from this repository after `npm ci && next build` (what that stage runs:
// tests/deploy/dockerfile.test.ts checks it copies the whole context into its WORKDIR).

export const ROOT = path.resolve(__dirname, "../..");

export type ImagePlan = {
  workdir: string;
  env: Record<string, string>;
  /** Numeric USER uid:gid; null when the stage runs as root. */
  user: { uid: number; gid: number } | null;
  volumes: string[];
  expose: string[];
  /** ENTRYPOINT followed by CMD, as Docker joins them. */
  command: string[];
  healthcheck: string[] | null;
  /** Each COPY source as a path on this machine, and where it lands in the image. */
  copies: { source: string; dest: string; line: string }[];
  runs: string[];
};

const lastWorkdir = (stage: Stage) =>
  stage.instructions.filter((i) => i.keyword === "WORKDIR").reduce((dir, i) => path.posix.resolve(dir, i.args.trim()), "/");

export function readDockerfile(root = ROOT): Stage[] {
  return readStages(readFileSync(path.join(root, "Dockerfile"), "utf8"));
}

/** Where a COPY source is on this machine: the build context, or a build stage's WORKDIR mapped onto the repository. */
function sourcePath(stages: Stage[], from: string | null, source: string, root: string): string {
  if (from === null) return path.join(root, source);
  const stage = stages.find((s) => s.name === from);
  if (!stage) throw new Error(`COPY --from=${from}: no stage of that name`);
  const workdir = lastWorkdir(stage);
  const relative = path.posix.relative(workdir, path.posix.resolve(workdir, source));
  if (relative.startsWith("..")) throw new Error(`COPY --from=${from} ${source}: outside that stage's WORKDIR ${workdir}`);
  return path.join(root, relative);
}

export function planFinalStage(root = ROOT): ImagePlan {
  const stages = readDockerfile(root);
  const final = stages.at(-1)!;
  const all = (keyword: string): Instruction[] => final.instructions.filter((i) => i.keyword === keyword);
  const last = (keyword: string) => all(keyword).at(-1);
  const workdir = lastWorkdir(final);
  const user = last("USER")?.args.trim();
  let parsedUser: ImagePlan["user"] = null;
  if (user && user !== "root" && user !== "0") {
    const m = /^(\d+):(\d+)$/.exec(user);
    if (!m) throw new Error(`USER ${user}: write it as uid:gid numbers`);
    parsedUser = { uid: Number(m[1]), gid: Number(m[2]) };
  }
  const health = last("HEALTHCHECK");
  const entrypoint = last("ENTRYPOINT");
  const cmd = last("CMD");
  return {
    workdir,
    env: Object.assign({}, ...all("ENV").map((i) => readEnv(i.args))),
    user: parsedUser,
    volumes: all("VOLUME").flatMap((i) => (i.args.trim().startsWith("[") ? (JSON.parse(i.args) as string[]) : i.args.trim().split(/\s+/))),
    expose: all("EXPOSE").flatMap((i) => i.args.trim().split(/\s+/)),
    command: [...(entrypoint ? execForm(entrypoint.args) : []), ...(cmd ? execForm(cmd.args) : [])],
    healthcheck: health && !/^NONE$/i.test(health.args.trim()) ? execForm(health.args) : null,
    copies: all("COPY").flatMap((i) => {
      const copy = readCopy(i.args);
      const dest = path.posix.resolve(workdir, copy.dest);
      const intoFolder = copy.dest.endsWith("/") || copy.sources.length > 1;
      return copy.sources.map((s) => ({
        source: sourcePath(stages, copy.from, s, root),
        dest: intoFolder && !isDirectory(sourcePath(stages, copy.from, s, root)) ? path.posix.join(dest, path.posix.basename(s)) : dest,
        line: `COPY ${i.args}`,
      }));
    }),
    runs: all("RUN").map((i) => i.args),
  };
}

/** Puts exactly the final stage's COPY results into `target`, which stands for its WORKDIR. Files stay root's, as COPY leaves them. */
export function assembleImage(plan: ImagePlan, target: string): void {
  for (const copy of plan.copies) {
    const relative = path.posix.relative(plan.workdir, copy.dest);
    if (relative.startsWith("..")) throw new Error(`${copy.line}: copies outside WORKDIR ${plan.workdir}`);
    if (!existsSync(copy.source)) throw new Error(`${copy.line}: ${path.relative(ROOT, copy.source)} does not exist (run npm run build)`);
    const to = path.join(target, relative);
    mkdirSync(isDirectory(copy.source) ? to : path.dirname(to), { recursive: true });
    // A folder's contents go into the destination, as COPY does.
    cpSync(copy.source, to, { recursive: true, dereference: true });
  }
  // The image's folders are readable by everyone; the test's temporary one is not by default.
  chmodSync(target, 0o755);
}

/**
 * Starts the assembled image's command in `target` as the Dockerfile's USER (when this
 * process may switch users), with its ENV, the caller's additions (`docker run -e`), and
 * each VOLUME path in any variable replaced by the host folder mounted there.
 */
export function startImage(
  plan: ImagePlan,
  target: string,
  options: { env?: Record<string, string>; volumes?: Record<string, string>; url: string },
): ProductionServer {
  const mount = (value: string) => {
    for (const [inImage, onHost] of Object.entries(options.volumes ?? {})) {
      if (value === inImage || value.startsWith(`${inImage}/`)) return onHost + value.slice(inImage.length);
    }
    return value;
  };
  const env: Record<string, string> = { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: "/tmp" };
  for (const [k, v] of Object.entries({ ...plan.env, ...options.env })) env[k] = mount(v);
  const [command, ...args] = plan.command;
  const asUser = plan.user && process.getuid?.() === 0 ? plan.user : null;
  const child = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: target,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    ...(asUser ? { uid: asUser.uid, gid: asUser.gid } : {}),
  });
  return watchServer(child, options.url);
}

/** Runs the HEALTHCHECK command the way Docker would inside the container; answers its exit code. */
export function runHealthcheck(plan: ImagePlan, target: string, env: Record<string, string>): Promise<number | null> {
  const [command, ...args] = plan.healthcheck!;
  const asUser = plan.user && process.getuid?.() === 0 ? plan.user : null;
  const child = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: target,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...plan.env, ...env } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: "ignore",
    ...(asUser ? { uid: asUser.uid, gid: asUser.gid } : {}),
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

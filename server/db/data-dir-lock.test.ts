import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

// The lock across real processes: each starter is its own Node process
// (tests/fixtures/lock-holder.ts) taking the lock of one folder, as servers,
// `npm run db:migrate` and `npm run db:seed` do through server/db.ts.

const HOLDER = path.resolve(import.meta.dirname, "../../tests/fixtures/lock-holder.ts");
const root = mkdtempSync(path.join(tmpdir(), "tessera-lock-"));
const running = new Set<ChildProcess>();

type Outcome = { owner: boolean; code: number | null; stderr: string; child: ChildProcess };

/** Starts a holder; resolves once it owns the folder (it keeps running) or has exited. */
function start(dir: string, options: { release?: boolean; at?: number } = {}): Promise<Outcome> {
  const args = [HOLDER, dir, ...(options.release ? ["release"] : []), ...(options.at ? [`at=${options.at}`] : [])];
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (String(chunk).includes("OWNER") && !options.release) resolve({ owner: true, code: null, stderr, child });
    });
    child.on("exit", (code) => {
      running.delete(child);
      resolve({ owner: options.release === true && code === 0, code, stderr, child });
    });
  });
}

async function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

function folder(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all([...running].map((child) => kill(child)));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the data folder lock", () => {
  it("refuses a second process while the first is alive, naming the folder and the owner", async () => {
    const dir = folder("alive");
    const first = await start(dir);
    expect(first.owner).toBe(true);
    const second = await start(dir);
    expect(second.owner).toBe(false);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`The data folder ${dir} is in use by process ${first.child.pid} on `);
    expect(second.stderr).toContain("stop that process first, or give this one its own TESSERA_DATA_DIR");
    // The owner was not disturbed: it still holds the folder against a third.
    expect((await start(dir)).code).toBe(3);
    expect(first.child.exitCode).toBeNull();
  });

  it("is taken over at once after the owner was killed with SIGKILL", async () => {
    const dir = folder("killed");
    const first = await start(dir);
    await kill(first.child);
    expect(lstatSync(path.join(dir, ".tessera-owner.sock")).isSocket()).toBe(true);
    const next = await start(dir);
    expect(next.owner).toBe(true);
    expect((await start(dir)).code).toBe(3);
    expect(readdirSync(dir)).toEqual([".tessera-owner.sock"]);
  });

  it("lets exactly one of several simultaneous starters take over a dead owner's lock", async () => {
    const dir = folder("race");
    await kill((await start(dir)).child);
    // All six call the lock in the same millisecond, not as their start-up happens to finish.
    const at = Date.now() + 4000;
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => start(dir, { at })));
    expect(outcomes.filter((o) => o.owner)).toHaveLength(1);
    for (const o of outcomes.filter((o) => !o.owner)) {
      expect(o.code).toBe(3);
      expect(o.stderr).toContain("is in use by process");
    }
    expect(readdirSync(dir)).toEqual([".tessera-owner.sock"]);
  });

  it("still refuses while the owner is stopped (its event loop cannot answer; the kernel does)", async () => {
    const dir = folder("stopped");
    const first = await start(dir);
    first.child.kill("SIGSTOP");
    try {
      const second = await start(dir);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`The data folder ${dir} is in use by another running process.`);
    } finally {
      first.child.kill("SIGCONT");
    }
  });

  it("is released on close: the socket is removed and the next process owns the folder", async () => {
    const dir = folder("released");
    const first = await start(dir, { release: true });
    expect(first.owner).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect((await start(dir)).owner).toBe(true);
  });

  it("does not wait for a cleanup marker left by a process that died while cleaning up", async () => {
    const dir = folder("marker");
    await kill((await start(dir)).child);
    const marker = path.join(dir, ".tessera-owner.cleanup");
    writeFileSync(marker, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(marker, old, old);
    expect((await start(dir)).owner).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("works for a folder whose socket path is longer than the 107 bytes a socket address holds", async () => {
    const dir = folder(`long-${"d".repeat(120)}`);
    expect(Buffer.byteLength(path.join(dir, ".tessera-owner.sock"))).toBeGreaterThan(107);
    const first = await start(dir);
    expect(first.owner).toBe(true);
    // The socket is inside the folder, not at a truncated path next to it.
    expect(lstatSync(path.join(dir, ".tessera-owner.sock")).isSocket()).toBe(true);
    expect(readdirSync(root).filter((name) => name.startsWith("long-"))).toEqual([path.basename(dir)]);
    expect((await start(dir)).code).toBe(3);
    await kill(first.child);
    expect((await start(dir)).owner).toBe(true);
  });
});

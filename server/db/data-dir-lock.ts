import "server-only";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { link, lstat, mkdir, open, rename, unlink } from "node:fs/promises";
import { connect, createServer, type Server } from "node:net";
import { hostname } from "node:os";
import path from "node:path";

// One process owns an embedded data folder: PGlite has no lock of its own, and two
// processes writing one folder leave it unopenable. The owner listens on a Unix-domain
// socket inside the folder, so liveness is checked by the kernel: a connect succeeds
// while the owner's process exists (even with its event loop stalled) and is refused
// once it is gone, whatever its PID or hostname was. docs/decisions.md says why this and
// not a PID file or a heartbeat.

const SOCKET = ".tessera-owner.sock";
/** Held for the few milliseconds it takes to remove a dead owner's socket. */
const CLEANUP = ".tessera-owner.cleanup";
/** A cleanup marker older than this was left by a process that died while cleaning up. */
const STALE_CLEANUP_MS = 10_000;
/** How long to keep trying while others clean up or race for the folder. */
const ACQUIRE_BUDGET_MS = 15_000;
/** Linux allows 108 bytes in a socket address, macOS 104, both counting the final NUL. */
const MAX_SOCKET_PATH = 103;

export type DataDirOwner = { pid: number; host: string; since: string };

/** The folder is owned by a live process, or its lock cannot be taken at all. Start-up stops on it. */
export class DataDirLockError extends Error {
  constructor(
    message: string,
    readonly dir: string,
    readonly owner: DataDirOwner | null = null,
  ) {
    super(message);
    this.name = "DataDirLockError";
  }
}

export type DataDirLock = { release: () => Promise<void> };

type Address = { file: string; socket: string; dirFd: number | null };

/**
 * Makes this process the only one that may open `dir`, or throws DataDirLockError
 * naming the owner. A lock left by a killed process is taken over at once.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const address = socketAddress(dir);
  try {
    const server = await acquire(dir, address);
    return {
      release: async () => {
        // Node removes the socket file when the server closes.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (address.dirFd !== null) closeSync(address.dirFd);
      },
    };
  } catch (error) {
    if (address.dirFd !== null) closeSync(address.dirFd);
    throw error;
  }
}

/**
 * Node truncates a socket path past the limit without a word, binding somewhere else
 * entirely. A longer folder is reached through /proc/self/fd on Linux, which names the
 * same directory in a few bytes; elsewhere such a folder is refused with a message.
 */
function socketAddress(dir: string): Address {
  const file = path.join(dir, SOCKET);
  if (Buffer.byteLength(file) <= MAX_SOCKET_PATH) return { file, socket: file, dirFd: null };
  if (!existsSync("/proc/self/fd")) {
    throw new DataDirLockError(
      `The data folder's path is too long for its lock (${Buffer.byteLength(file)} bytes; at most ${MAX_SOCKET_PATH} on this system): ` +
        `${dir}. Set TESSERA_DATA_DIR to a shorter path, or to a short symbolic link to this folder.`,
      dir,
    );
  }
  const dirFd = openSync(dir, "r");
  return { file, socket: `/proc/self/fd/${dirFd}/${SOCKET}`, dirFd };
}

async function acquire(dir: string, address: Address): Promise<Server> {
  const owner: DataDirOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + ACQUIRE_BUDGET_MS;
  while (Date.now() < deadline) {
    const server = await listen(address.socket, owner).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") return null;
      throw new DataDirLockError(`Cannot lock the data folder ${dir}: ${error.message}`, dir);
    });
    if (server) return server;
    const state = await probe(address.socket);
    if (state.alive) throw inUse(dir, state.owner);
    // Gone, or dead and removed (by us or another starter), or someone else is cleaning up: try again.
    if (state.dead && !(await removeDeadSocket(address))) await sleep(50);
  }
  throw new DataDirLockError(
    `Cannot lock the data folder ${dir}: other processes kept racing for it for ${ACQUIRE_BUDGET_MS / 1000} s. Start Tessera again.`,
    dir,
  );
}

function inUse(dir: string, owner: DataDirOwner | null): DataDirLockError {
  const who = owner ? `process ${owner.pid} on ${owner.host}, running since ${owner.since}` : "another running process";
  return new DataDirLockError(
    `The data folder ${dir} is in use by ${who}. Only one Tessera process may open it at a time (the server, ` +
      `npm run db:migrate and npm run db:seed included): stop that process first, or give this one its own ` +
      `TESSERA_DATA_DIR. Several instances that share data need PostgreSQL (DATABASE_URL).`,
    dir,
    owner,
  );
}

function listen(socket: string, owner: DataDirOwner): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Whoever connects learns who owns the folder; nothing else is ever said here.
    const server = createServer((conn) => conn.end(`${JSON.stringify(owner)}\n`));
    server.once("error", reject);
    server.listen(socket, () => {
      server.off("error", reject);
      // The lock must not keep a script (db:migrate, db:seed) alive on its own.
      server.unref();
      resolve(server);
    });
  });
}

type Probe = { alive: true; owner: DataDirOwner | null } | { alive: false; dead: boolean };

/**
 * Alive: the kernel accepted a connection, so the owning process exists. Dead: refused
 * three times over 100 ms (a starter between Node's bind and listen refuses for a moment
 * too). Anything unexpected counts as alive: the lock is never taken on a doubt.
 */
async function probe(socket: string): Promise<Probe> {
  for (let attempt = 0; ; attempt++) {
    const result = await connectOnce(socket);
    if (result !== "ECONNREFUSED" || attempt === 2) {
      if (result === "ENOENT") return { alive: false, dead: false };
      if (result === "ECONNREFUSED") return { alive: false, dead: true };
      return { alive: true, owner: typeof result === "object" ? result : null };
    }
    await sleep(50);
  }
}

function connectOnce(socket: string): Promise<DataDirOwner | "alive" | "ECONNREFUSED" | "ENOENT"> {
  return new Promise((resolve) => {
    const conn = connect(socket);
    let text = "";
    // An owner whose event loop is stalled has still been proven alive by the connect.
    const timer = setTimeout(() => finish("alive"), 1000);
    const finish = (result: DataDirOwner | "alive" | "ECONNREFUSED" | "ENOENT") => {
      clearTimeout(timer);
      conn.destroy();
      resolve(result);
    };
    conn.setEncoding("utf8");
    conn.on("data", (chunk: string) => {
      text += chunk;
    });
    conn.on("end", () => finish(parseOwner(text) ?? "alive"));
    conn.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" || error.code === "ENOENT") finish(error.code);
      else finish("alive");
    });
  });
}

function parseOwner(text: string): DataDirOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<DataDirOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" && typeof owner.since === "string"
      ? { pid: owner.pid, host: owner.host, since: owner.since }
      : null;
  } catch {
    return null;
  }
}

/**
 * Removes a dead owner's socket under the cleanup marker, so that of several starters
 * only one removes it and the others then find the new owner. Answers false when
 * another process holds the marker.
 */
async function removeDeadSocket(address: Address): Promise<boolean> {
  const marker = path.join(path.dirname(address.file), CLEANUP);
  const held = await holdMarker(marker);
  if (held === null) return false;
  try {
    const before = await inode(address.file);
    if (before === null) return true;
    const state = await probe(address.socket);
    if (state.alive || !state.dead) return true;
    await removeIfSame(address.file, before);
    return true;
  } finally {
    await removeIfSame(marker, held);
  }
}

/** Creates the marker exclusively; answers its inode, or null while someone else holds it. */
async function holdMarker(marker: string): Promise<number | null> {
  try {
    const file = await open(marker, "wx");
    const { ino } = await file.stat();
    await file.close();
    return ino;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const stat = await lstat(marker).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > STALE_CLEANUP_MS) await removeIfSame(marker, stat.ino);
    return null;
  }
}

async function inode(file: string): Promise<number | null> {
  return (await lstat(file).catch(() => null))?.ino ?? null;
}

/**
 * Removes `file` only if it is still the inode that was judged dead or stale. Moving it
 * aside first makes the check and the removal one step: if a newer file had taken the
 * name meanwhile (possible only if two processes cleaned up at once), it is put back.
 * A dead socket never comes back to life (binding always makes a new inode), so
 * removing that inode is safe whenever it happens.
 */
async function removeIfSame(file: string, ino: number): Promise<void> {
  const aside = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  if ((await inode(aside)) !== ino) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

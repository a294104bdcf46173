import "server-only";

// Next may load a server module more than once in one process (route bundles each carry
// their own copy). State that must exist once per process (the database handle, the
// limiters, pending usage, shutdown tasks) is kept on globalThis under one key each.

const store = globalThis as unknown as Record<string, unknown>;

export function processState<T>(key: string, init: () => T): T {
  if (!(key in store)) store[key] = init();
  return store[key] as T;
}

/** Work the production server (scripts/serve.mjs) awaits on SIGTERM/SIGINT before it exits. */
export const shutdownTasks = processState("__tesseraShutdown", () => new Set<() => Promise<void>>());

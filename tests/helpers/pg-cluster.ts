import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A throwaway PostgreSQL 15 cluster of a test's own, for tests that freeze or stop the
// server (the shared one of `npm run test:pg` serves other test files at the same time).
// As root (CI), the cluster runs as the postgres user.

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type PgCluster = {
  url: string;
  /** SIGSTOP the postmaster and every process it started: the server stops answering, connections stay open. */
  freeze: () => void;
  /** SIGCONT them all. */
  thaw: () => void;
  stop: () => void;
};

function asPostgres(command: string): void {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root) execFileSync("su", ["postgres", "-c", command], { stdio: "pipe" });
  else execFileSync("sh", ["-c", command], { stdio: "pipe" });
}

export function startPgCluster(port: number): PgCluster {
  const dir = mkdtempSync(path.join(tmpdir(), "tessera-pg-"));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  const data = path.join(dir, "data");
  asPostgres(
    `${BIN}/initdb -D ${data} -A trust -U postgres >/dev/null && ` +
      `${BIN}/pg_ctl -D ${data} -l ${dir}/log -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -w start >/dev/null`,
  );
  const postmaster = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  // The postmaster's children each lead a process group of their own, so a signal to its
  // group would miss them: find them by parent instead.
  const children = () =>
    readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // It exited meanwhile.
      }
    }
  };
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    freeze: () => {
      // The postmaster first, so it forks nothing new while its children are stopped.
      signal([postmaster], "SIGSTOP");
      signal(children(), "SIGSTOP");
    },
    thaw: () => {
      signal(children(), "SIGCONT");
      signal([postmaster], "SIGCONT");
    },
    stop: () => {
      signal([...children(), postmaster], "SIGCONT");
      try {
        asPostgres(`${BIN}/pg_ctl -D ${data} -m immediate stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

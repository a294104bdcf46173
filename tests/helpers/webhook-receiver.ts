import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

// A real webhook receiver on loopback, as an integrator would write one: it verifies
// every request with the standardwebhooks library and records what it got. What it
// answers is up to the test (a status, or never answering).

/** Listens on a free port in [from, to] (tests get fixed port ranges on shared machines). */
export async function listenInRange(server: Server, from: number, to: number): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    const ok = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      server.once("error", onError);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", onError);
        resolve(true);
      });
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** TESSERA_TEST_RECEIVER_PORTS=from-to moves the receivers into a range of the runner's choosing. */
function receiverPorts(): readonly [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(process.env.TESSERA_TEST_RECEIVER_PORTS ?? "");
  return match ? [Number(match[1]), Number(match[2])] : [48000, 48099];
}

export const HTTP_PORTS = receiverPorts();

export type Received = { id: string; timestamp: string; type: string; body: Record<string, unknown>; verified: boolean; raw: string };
export type Answer = number | "hang";

export type Receiver = {
  url: string;
  received: Received[];
  /** Requests that came in, verified or not (a refused target must show none). */
  hits: number;
  setSecret: (secret: string) => void;
  answer: (next: Answer | ((r: Received) => Answer)) => void;
  /** Answers this long after a request arrives. */
  delay: (ms: number) => void;
  /** Forgets what was received. */
  reset: () => void;
  close: () => Promise<void>;
};

export async function startReceiver(secret = ""): Promise<Receiver> {
  let key = secret;
  let decide: (r: Received) => Answer = () => 204;
  const received: Received[] = [];
  const hanging = new Set<() => void>();
  const state = { hits: 0, delayMs: 0 };
  const server = createServer((req, res) => {
    state.hits += 1;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        new Webhook(key).verify(raw, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const r: Received = {
        id: String(req.headers["webhook-id"]),
        timestamp: String(req.headers["webhook-timestamp"]),
        type: String(body.type),
        body,
        verified,
        raw,
      };
      received.push(r);
      const answer = decide(r);
      if (answer === "hang") {
        hanging.add(() => res.destroy());
        return;
      }
      const send = () => res.writeHead(answer, { "content-type": "text/plain" }).end(answer >= 300 ? `nope ${answer}` : "ok");
      if (state.delayMs > 0) setTimeout(send, state.delayMs);
      else send();
    });
  });
  const port = await listenInRange(server, ...HTTP_PORTS);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    get hits() {
      return state.hits;
    },
    setSecret: (s) => {
      key = s;
    },
    delay: (ms) => {
      state.delayMs = ms;
    },
    reset: () => {
      received.length = 0;
      state.hits = 0;
    },
    answer: (next) => {
      decide = typeof next === "function" ? next : () => next;
    },
    close: async () => {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

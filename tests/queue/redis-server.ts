import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createConnection, createServer } from "node:net";

/**
 * A throwaway Debian `redis-server` for tests: 127.0.0.1 on a free port, its data (append-only file) in
 * `dir`, so a restart on the same port and folder keeps the queue, as a production Redis with AOF does.
 */
export class TestRedis {
  readonly dir: string;
  port = 0;
  #proc: ChildProcess | null = null;

  constructor(dir: string) {
    this.dir = dir;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const proc = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", this.dir],
      { stdio: "ignore" },
    );
    this.#proc = proc;
    // Until it answers or exits; the 10 min bound only turns a server that never answers into a failure.
    for (const start = Date.now(); proc.exitCode === null && Date.now() - start < 600_000; ) {
      if (await ping(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** A graceful shutdown (SIGTERM: Redis flushes its append-only file and exits). */
  async stop(): Promise<void> {
    const proc = this.#proc;
    this.#proc = null;
    if (!proc || proc.exitCode !== null) return;
    proc.kill("SIGTERM");
    await once(proc, "exit");
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("No free port");
  return address.port;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.setTimeout(500);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) {
        socket.destroy();
        resolve(reply.startsWith("+PONG"));
      }
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

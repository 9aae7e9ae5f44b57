import { Redis } from "ioredis";
import { UsageError } from "../../errors.js";

/** The BullMQ queue every producer and worker of gongkai uses (one Redis db can hold one gongkai fleet). */
export const QUEUE_NAME = "gongkai";

/**
 * Connection options from `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Requests wait
 * for a reconnect instead of failing (`maxRetriesPerRequest: null`, which BullMQ workers require), and
 * ioredis reconnects with a capped back-off, so a Redis restart pauses producers and workers, never fails them.
 */
export interface ConnectionSpec {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: object;
  maxRetriesPerRequest: null;
  retryStrategy: (times: number) => number;
}

export function redisOptions(url: string): ConnectionSpec {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`Expected \`--queue\` to be a URL like redis://127.0.0.1:6379/0, got \`${url}\``);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new UsageError(`Expected \`--queue\` to be a redis:// URL, got \`${url}\``);
  }
  const db = parsed.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) throw new UsageError(`Expected a database number after the port, got \`${db}\``);
  return {
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 6379,
    db: db === "" ? 0 : Number(db),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 5000),
  };
}

/** A plain client for gongkai's own run bookkeeping beside BullMQ's keys. */
export function connect(url: string): Redis {
  return new Redis(redisOptions(url));
}

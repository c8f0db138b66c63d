import { pino, type DestinationStream, type Logger } from "pino";
import { env } from "#app/env.server.ts";

/**
 * JSON lines (one object per line, `level` as a word, ISO time), the format log collectors read without
 * configuration. Never log an email address, a client address or a query string: they are personal data
 * or may hold a token (RGPD).
 */
export function createLogger({ level, destination }: { level: string; destination?: DestinationStream }): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
  return destination ? pino(options, destination) : pino(options);
}

// app/server.ts and the Remix build (entry.server) each load this module: one logger for both.
const g = globalThis as unknown as { __laboLogger?: Logger };

export const logger = (g.__laboLogger ??= createLogger({ level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info") }));

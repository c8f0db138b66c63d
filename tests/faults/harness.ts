/**
 * What the fault tests stand on: a throw-away PostgreSQL cluster of their own (stopped, restarted, locked
 * at will, never the shared one) and the app started from its build against it, as in production.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** The newest PostgreSQL server binaries of the machine (LABO_PG_BIN to choose), or null. */
export function findPostgresBin(): string | null {
  if (process.env.LABO_PG_BIN) return process.env.LABO_PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  return versions.length ? path.join(root, versions.at(-1)!, "bin") : null;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type Cluster = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/** initdb, then start on a free port, listening on 127.0.0.1 (and a socket in /tmp). PostgreSQL refuses to run as root. */
export async function startCluster(bin: string): Promise<Cluster> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "labo-faults-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  else chmodSync(dir, 0o700);
  // Asynchronous: the requests of the test go on while pg_ctl waits.
  const run = async (tool: string, args: string[]) => {
    const [command, fullArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    await promisify(execFile)(command, fullArgs);
  };
  await run("initdb", ["-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const start = () => run("pg_ctl", ["-D", data, "-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AppProcess = { base: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** The app from build/index.js, as `npm start` runs it, against the given database. */
export async function startApp(input: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<AppProcess> {
  if (!existsSync("build/index.js")) throw new Error("The fault tests start the built app: run `npm run build` first.");
  const base = `http://localhost:${input.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(input.port),
      APP_URL: base,
      DATABASE_URL: input.databaseUrl,
      SEED_DEMO: "true",
      ...input.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app stopped at start (exit ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`The app did not answer /healthz in 90 s:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return { base, child, output: () => output, exited };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

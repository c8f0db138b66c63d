import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type AppInstance = {
  name: string;
  pid: number;
  /** APP_URL: the origin its forms come from (the origin check compares it). */
  appUrl: string;
  /** The JSON lines it logged, in order. */
  logs: Record<string, unknown>[];
  get: (path: string, init?: { cookie?: string; headers?: Record<string, string> }) => Promise<Response>;
  post: (path: string, form: Record<string, string>, init?: { cookie?: string; headers?: Record<string, string> }) => Promise<Response>;
  stop: () => Promise<void>;
};

// Settings of the machine that must not reach the instances: a real email provider above all.
const DROPPED = ["RESEND_API_KEY", "RESEND_BASE_URL", "RATE_LIMIT_FACTOR", "PGLITE_DATA_DIR", "HOST", "TRUST_PROXY", "SEED_DEMO", "PGAPPNAME"];

/**
 * Starts `node --import tsx app/server.ts` from the existing build, in production mode on 127.0.0.1, and
 * resolves once /healthz answers 200. Output lines that are JSON are kept as its logs.
 */
export async function startInstance(input: { name: string; port: number; databaseUrl: string; env?: Record<string, string> }): Promise<AppInstance> {
  if (!existsSync(path.join(ROOT, "build/index.js"))) throw new Error("No build: run `npm run build` before `npm run test:instances`.");
  // The address requests go to: Remix refuses a form post whose Origin is not the Host it was sent to.
  const appUrl = `http://127.0.0.1:${input.port}`;
  const base = appUrl;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of DROPPED) delete env[key];
  Object.assign(env, {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(input.port),
    APP_URL: appUrl,
    DATABASE_URL: input.databaseUrl,
    SEED_DEMO: "false",
    APP_SECRET: "two-instances-test-secret-of-at-least-32-characters",
    LOG_LEVEL: "info",
    ...input.env,
  });
  const child = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  const other: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      other.push(line);
    }
  });
  createInterface({ input: child.stderr }).on("line", (line) => other.push(line));
  let exited = false;
  const exit = once(child, "exit").then(() => void (exited = true));

  const request = (target: string, init: RequestInit & { cookie?: string; headers?: Record<string, string> } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("Cookie", init.cookie);
    return fetch(`${base}${target}`, { ...init, headers, redirect: "manual" });
  };
  const instance: AppInstance = {
    name: input.name,
    pid: child.pid!,
    appUrl,
    logs,
    get: (target, init = {}) => request(target, init),
    post: (target, form, init = {}) =>
      request(target, {
        ...init,
        method: "POST",
        body: new URLSearchParams(form),
        headers: { ...init.headers, "Content-Type": "application/x-www-form-urlencoded", Origin: appUrl },
      }),
    stop: async () => {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`${input.name} stopped while starting:\n${other.slice(-30).join("\n")}`);
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${input.name} did not answer /healthz within 90 s:\n${other.slice(-30).join("\n")}`);
    }
    const ok = await instance.get("/healthz").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The `name=value` pair of a Set-Cookie header, for the Cookie header of the next request. */
export function cookieFrom(response: Response, name: string) {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.split(";")[0];
}

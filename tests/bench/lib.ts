/** Shared pieces of the benchmark: processes, load runs, peak memory, result tables. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon, { type Options, type Result } from "autocannon";

export type Measure = {
  scenario: string;
  target: "labo" | "baseline";
  requestsPerSecond: number;
  latency: { p50: number; p95: number; p99: number };
  errors: number;
  non2xx: number;
  requests: number;
};

export async function waitForHttp(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function startProcess(command: string, args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(`[${label}] ${d}`));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[${label}] ${d}`));
  return child;
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One load run; latencies are kept per response so that p95 is exact (autocannon reports p97.5). */
export async function load(scenario: string, target: Measure["target"], options: Options): Promise<Measure> {
  const latencies: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon({ connections: 50, duration: 10, ...options }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    scenario,
    target,
    requestsPerSecond: Math.round(result.requests.average),
    latency: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)) },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

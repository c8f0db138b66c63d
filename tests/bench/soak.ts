/**
 * `npm run bench -- --soak [--soak-minutes 30] [--rate 30] [--scale N]`
 *
 * Mixed traffic at a fixed arrival rate (autocannon's overallRate) against the production build on the
 * benchmark database: reads (list, proposal, home), French search, support/withdraw, comments,
 * registration/cancellation for a rendez-vous du Labo, reports and the moderators' queue. Samples the app's
 * resident memory every 10 s and reports, per kind and overall, the error rate and p50/p95/p99, and the
 * memory curve (first and last minute, peak, and the slope of a least-squares line over the second half,
 * after warm-up: flat means no leak). Writes tests/bench/results/<date>-soak.json. It reports, never fails.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { createDb } from "#db/client.ts";
import { roleGrants, sessions, users } from "#db/schema/index.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";

type Kind = "list" | "proposal" | "home" | "search" | "support" | "comment" | "register" | "report" | "moderation-queue";
/** Shares of the traffic, out of 100: mostly reading, as on a real day. */
const MIX: [Kind, number][] = [
  ["list", 22],
  ["proposal", 20],
  ["home", 10],
  ["search", 12],
  ["support", 14],
  ["comment", 8],
  ["register", 6],
  ["report", 4],
  ["moderation-queue", 4],
];
const SEARCH_WORDS = ["jardin", "bus", "parc", "école", "vélo", "marché", "jeunes", "santé", "logement", "emploi"];

export type SoakOptions = { base: string; pid: number; databaseUrl: string; cookies: string[]; minutes: number; rate: number; log: (line: string) => void };

function rssMiB(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

/** Least-squares slope of y over x (MiB per minute when x is in minutes). */
function slope(points: { x: number; y: number }[]) {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function runSoak({ base, pid, databaseUrl, cookies, minutes, rate, log }: SoakOptions) {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const handle = createDb({ url: databaseUrl, pgliteDir: "memory://", max: 2 });
  // What the traffic needs besides the benchmark's data: open proposals to read, support and comment on,
  // rendez-vous with room for everyone, and a moderator.
  const proposals = (
    await sql<{ id: string }[]>`
      select id from proposals where author_id like 'scale-%' and status in ('published', 'qualified') and hidden_at is null
        and not author_id = any(${Array.from({ length: cookies.length }, (_, i) => `scale-${i + 1}`)})
      order by published_at desc limit 200`
  ).map((r) => r.id);
  const laboSessions: string[] = [];
  for (let i = 0; i < 10; i++) laboSessions.push((await insertLaboSession(handle.db, { title: `Soak ${Date.now()}-${i}`, capacity: 100_000 })).session.id);
  await handle.db
    .insert(users)
    .values({ id: "bench-moderator", email: "moderatrice@scale.labo.test", displayName: "Modératrice", emailVerifiedAt: new Date(), charterVersion: CHARTER_VERSION, charterAcceptedAt: new Date() })
    .onConflictDoNothing();
  await handle.db.insert(roleGrants).values({ userId: "bench-moderator", role: "moderator" }).onConflictDoNothing();
  const moderatorSession = `soak${Date.now().toString(16)}${"0".repeat(24)}`.slice(0, 40);
  await handle.db.insert(sessions).values({ id: moderatorSession, userId: "bench-moderator", expiresAt: new Date(Date.now() + 86_400_000) });
  await handle.close();

  // Each signed-in request takes a resident who is not in another request, and records what they did,
  // so that supports and registrations alternate (every write changes something).
  const residents = cookies.map((cookie, i) => ({ cookie, id: `scale-${i + 1}`, supported: new Set<string>(), registered: new Set<string>() }));
  const idle = [...residents];
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const chooseKind = (): Kind => {
    let r = Math.random() * total;
    for (const [kind, weight] of MIX) if ((r -= weight) < 0) return kind;
    return "list";
  };

  type Ctx = { kind?: Kind; resident?: (typeof residents)[number]; target?: string; write?: "support" | "withdraw" | "register" | "cancel"; started?: number };
  const samples: { kind: Kind; ms: number; status: number }[] = [];
  const memory: { minute: number; rssMiB: number }[] = [];
  const startedAt = Date.now();
  const sampler = setInterval(() => memory.push({ minute: Math.round(((Date.now() - startedAt) / 60_000) * 100) / 100, rssMiB: rssMiB(pid) }), 10_000);
  memory.push({ minute: 0, rssMiB: rssMiB(pid) });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  log(`Soak: ${minutes} min at ${rate} req/s against ${base} (mix: ${MIX.map(([k, w]) => `${k} ${w} %`).join(", ")})`);
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: Math.max(10, Math.ceil(rate / 2)),
        overallRate: rate,
        duration: minutes * 60,
        timeout: 30,
        requests: [
          {
            setupRequest: (request, context: Ctx) => {
              let kind = chooseKind();
              const needsResident = ["support", "comment", "register", "report"].includes(kind);
              if (needsResident && !idle.length) kind = "list";
              context.kind = kind;
              context.started = Date.now();
              const headers: Record<string, string> = { origin: base };
              const post = (pathname: string, body: string, cookie: string) => ({
                ...request,
                method: "POST" as const,
                path: pathname,
                headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
                body,
              });
              if (kind === "list") return { ...request, method: "GET" as const, path: `/propositions?ambition=${1 + Math.floor(Math.random() * 12)}`, headers, body: undefined };
              if (kind === "proposal") return { ...request, method: "GET" as const, path: `/propositions/${pick(proposals)}`, headers, body: undefined };
              if (kind === "home") return { ...request, method: "GET" as const, path: "/", headers, body: undefined };
              if (kind === "search") return { ...request, method: "GET" as const, path: `/propositions?q=${encodeURIComponent(pick(SEARCH_WORDS))}`, headers, body: undefined };
              if (kind === "moderation-queue") return { ...request, method: "GET" as const, path: "/moderation", headers: { ...headers, cookie: `labo_session=${moderatorSession}` }, body: undefined };
              const resident = idle.splice(Math.floor(Math.random() * idle.length), 1)[0]!;
              context.resident = resident;
              const proposal = pick(proposals);
              context.target = proposal;
              if (kind === "support") {
                context.write = resident.supported.has(proposal) ? "withdraw" : "support";
                return post(`/propositions/${proposal}/soutien?_data=${encodeURIComponent("routes/propositions.$id.soutien")}`, form({ intent: context.write, _js: "1" }), resident.cookie);
              }
              if (kind === "comment") return post(`/propositions/${proposal}/contributions`, form({ body: `Avis de passage ${Date.now()} : je suis d'accord, surtout le soir.`, stance: "for" }), resident.cookie);
              if (kind === "report") return post("/signalements", form({ subjectType: "proposal", subjectId: proposal, reason: "off_topic", details: "", redirectTo: `/propositions/${proposal}` }), resident.cookie);
              const session = pick(laboSessions);
              context.target = session;
              context.write = resident.registered.has(session) ? "cancel" : "register";
              return post(`/labo/${session}/inscription`, form(context.write === "cancel" ? { intent: "cancel" } : {}), resident.cookie);
            },
            onResponse: (status, _body, context: Ctx) => {
              samples.push({ kind: context.kind!, ms: Date.now() - context.started!, status });
              const resident = context.resident;
              if (!resident) return;
              const ok = status < 400;
              // Answered or refused (a support left by an earlier run), the pair is now in the state asked for:
              // the next toggle asks the other way.
              if (context.write === "support") resident.supported.add(context.target!);
              if (context.write === "withdraw") resident.supported.delete(context.target!);
              if (ok && context.write === "register") resident.registered.add(context.target!);
              if (ok && context.write === "cancel") resident.registered.delete(context.target!);
              idle.push(resident);
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    const progress = setInterval(() => {
      const last = memory.at(-1);
      log(`  ${((Date.now() - startedAt) / 60_000).toFixed(1)} min: ${samples.length} answers, ${samples.filter((s) => s.status >= 500).length} × 5xx, RSS ${last?.rssMiB} MiB`);
    }, 60_000);
    instance.on("done", () => clearInterval(progress));
  });
  clearInterval(sampler);
  memory.push({ minute: Math.round(((Date.now() - startedAt) / 60_000) * 100) / 100, rssMiB: rssMiB(pid) });
  await sql.end();

  const summarise = (list: typeof samples) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return {
      requests: list.length,
      errors5xx: list.filter((s) => s.status >= 500).length,
      errors4xx: list.filter((s) => s.status >= 400 && s.status < 500).length,
      errorRate: list.length ? Math.round((list.filter((s) => s.status >= 500).length / list.length) * 10_000) / 100 : 0,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  };
  const byKind = Object.fromEntries(MIX.map(([kind]) => [kind, summarise(samples.filter((s) => s.kind === kind))]));
  const overall = { ...summarise(samples), socketErrors: result.errors, timeouts: result.timeouts };
  const secondHalf = memory.filter((m) => m.minute >= minutes / 2).map((m) => ({ x: m.minute, y: m.rssMiB }));
  const memorySummary = {
    startMiB: memory[0]!.rssMiB,
    afterFirstMinuteMiB: memory.find((m) => m.minute >= 1)?.rssMiB ?? null,
    endMiB: memory.at(-1)!.rssMiB,
    peakMiB: Math.max(...memory.map((m) => m.rssMiB)),
    secondHalfSlopeMiBPerMinute: Math.round(slope(secondHalf) * 100) / 100,
  };

  log(`\n| kind | requests | 5xx | 4xx | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const [kind, s] of [...Object.entries(byKind), ["all", overall] as const]) log(`| ${kind} | ${s.requests} | ${s.errors5xx} | ${s.errors4xx} | ${s.p50} | ${s.p95} | ${s.p99} |`);
  log(`\nSocket errors ${overall.socketErrors}, timeouts ${overall.timeouts}; 5xx rate ${overall.errorRate} %.`);
  log(`Memory (RSS): start ${memorySummary.startMiB} MiB, after 1 min ${memorySummary.afterFirstMinuteMiB} MiB, end ${memorySummary.endMiB} MiB, peak ${memorySummary.peakMiB} MiB; second-half slope ${memorySummary.secondHalfSlopeMiBPerMinute} MiB/min.`);
  const every5 = memory.filter((m, i) => i === 0 || i === memory.length - 1 || Math.abs(m.minute % 5) < 0.17);
  log(`Memory curve: ${every5.map((m) => `${m.minute.toFixed(0)} min ${m.rssMiB}`).join(" · ")}`);

  const file = path.join("tests/bench/results", `${new Date().toISOString().slice(0, 10)}-soak-${minutes}min.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), minutes, rate, mix: Object.fromEntries(MIX), overall, byKind, memory: memorySummary, memoryCurve: memory }, null, 2)}\n`);
  log(`\nWritten to ${file}`);
}

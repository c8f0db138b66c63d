/**
 * `npm run bench -- --fan-out [--followers 5000]`
 *
 * One COPIL decision on a proposal followed by 5,000 people, on the benchmark's PostgreSQL database, through
 * the app's own code: the relevé is published (publishDecisions: the step and its event, in one
 * transaction), the fan-out writes the notifications, the notification-email job queues the emails, and
 * two dispatchers at once send them to a local stand-in for Resend (which accepts all, or with
 * --refuse-every N refuses every Nth request: those wait their backoff, 30 s then doubling, in real time). Each
 * stage is timed from the publication; at the end: notifications, queued emails, messages the provider
 * accepted, and duplicates (two accepted messages for one outbox row or one address): 0 expected.
 * In the running app the stages are jobs ticking every 5 s, which adds up to 5 s per stage to these times.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Resend } from "resend";

export async function runFanOut({ databaseUrl, followers, refuseEvery, log }: { databaseUrl: string; followers: number; refuseEvery: number; log: (line: string) => void }) {
  const { startFakeResend } = await import("#tests/helpers/fake-resend.ts");
  const fake = await startFakeResend();
  // The app's modules read their database and Resend settings from the environment when first imported:
  // messages are then queued for Resend (pending), and any client the app makes talks to the stand-in.
  process.env.DATABASE_URL = databaseUrl;
  process.env.RESEND_API_KEY = "re_bench";
  process.env.RESEND_BASE_URL = fake.url;
  const [{ db, dbHandle }, { sql }, schema, { publishDecisions }, { fanOutPendingNotifications }, { sendImmediateNotificationEmails }, { dispatchOutbox }, governance] = await Promise.all([
    import("#app/db.server.ts"),
    import("drizzle-orm"),
    import("#db/schema/index.ts"),
    import("#app/modules/governance/publish-decisions.server.ts"),
    import("#app/modules/notifications/fan-out-notifications.server.ts"),
    import("#app/modules/notification-emails/send-notification-emails.server.ts"),
    import("#app/modules/email/dispatch-outbox.server.ts"),
    import("#tests/factories/governance.ts"),
  ]);
  const { users, proposalFollows, notificationPreferences } = schema;

  // The people: verified accounts following the proposal, who asked for its news at once.
  const stamp = Date.now().toString(36);
  const meeting = await governance.insertMeeting(db, { status: "held", title: `Comité de pilotage (banc ${stamp})`, startsAt: new Date(Date.now() - 3_600_000) });
  const { proposal } = await governance.insertProposalOnAgenda(db, {
    meetingId: meeting.id,
    authorId: null,
    title: `Des bancs à l'ombre (banc d'essai ${stamp})`,
    decision: "retained",
    publicReasons: "Le comité retient l'idée : dix bancs seront posés au printemps le long du parc.",
  });
  const ids = Array.from({ length: followers }, () => randomUUID());
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    await db.insert(users).values(slice.map((id, j) => ({ id, email: `suivi.${stamp}.${i + j}@bench.labo.test`, displayName: `Habitant ${i + j}`, emailVerifiedAt: new Date() })));
    await db.insert(proposalFollows).values(slice.map((userId) => ({ proposalId: proposal.id, userId })));
    await db.insert(notificationPreferences).values(slice.map((userId) => ({ userId, category: "followed_proposal" as const, frequency: "immediate" as const })));
  }
  log(`${followers} followers of « ${proposal.title} », each with followed proposals set to « immédiatement ».`);

  let requests = 0;
  fake.respond(() => ((requests += 1) % refuseEvery === 0 ? { kind: "fail", status: 500 } : { kind: "accept" }));
  const resend = new Resend("re_bench", { baseUrl: fake.url });
  const count = async (query: ReturnType<typeof sql>) => {
    const result = (await db.execute(query)) as unknown as { n: number }[] | { rows: { n: number }[] };
    return Number((Array.isArray(result) ? result : result.rows)[0]!.n);
  };
  const ours = sql`e.proposal_id = ${proposal.id}`;

  const t0 = performance.now();
  const since = (t: number) => Math.round(performance.now() - t);
  const published = await publishDecisions({ actor: { id: "bench-coordinator" }, meetingId: meeting.id, summary: "Relevé du banc d'essai." });
  if (published.status !== "ok") throw new Error(`publishDecisions: ${published.status}`);
  const tPublished = since(t0);

  while ((await fanOutPendingNotifications(db)).events > 0);
  const tNotified = since(t0);
  const notified = await count(sql`select count(*)::int n from notifications n join notification_events e on e.id = n.event_id where ${ours}`);

  // Two notification-email runners and two dispatchers at once, as two app instances would run them.
  const queueEmails = async () => {
    while ((await sendImmediateNotificationEmails(db)).emailed > 0);
  };
  await Promise.all([queueEmails(), queueEmails()]);
  const tQueued = since(t0);
  const queued = await count(sql`select count(*)::int n from email_outbox where "to" like ${`suivi.${stamp}.%`}`);

  // Real time throughout: a refused message waits its backoff (about 30 s) before its second try.
  const pending = () => count(sql`select count(*)::int n from email_outbox where "to" like ${`suivi.${stamp}.%`} and status in ('pending', 'sending')`);
  const dispatch = async () => {
    for (;;) {
      const done = await dispatchOutbox(db, { resend, batch: 250, concurrency: 50 });
      if (done.claimed > 0) continue;
      if ((await pending()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  await Promise.all([dispatch(), dispatch()]);
  const tSent = since(t0);

  const sent = await count(sql`select count(*)::int n from email_outbox where "to" like ${`suivi.${stamp}.%`} and status = 'sent'`);
  const accepted = fake.accepted.filter((m) => String((m.body as { to?: unknown }).to).includes(`suivi.${stamp}.`));
  const byKey = new Set(accepted.map((m) => m.idempotencyKey));
  const byAddress = new Set(accepted.map((m) => String((m.body as { to?: unknown }).to)));
  const result = {
    date: new Date().toISOString(),
    followers,
    refuseEvery: Number.isFinite(refuseEvery) ? refuseEvery : null,
    notifications: notified,
    emailsQueued: queued,
    emailsSent: sent,
    providerRequests: fake.requests.length,
    providerRefusals: fake.requests.filter((r) => r.answer === "fail").length,
    accepted: accepted.length,
    duplicates: accepted.length - byKey.size + (accepted.length - byAddress.size),
    ms: { published: tPublished, notifications: tNotified, emailsQueued: tQueued, emailsSent: tSent },
  };
  log(`\npublished in ${tPublished} ms; ${notified} notifications at ${tNotified} ms; ${queued} emails queued at ${tQueued} ms; ${sent} sent at ${tSent} ms`);
  log(`provider: ${result.providerRequests} requests, ${result.providerRefusals} refused (then retried), ${accepted.length} messages accepted, duplicates: ${result.duplicates}`);
  const file = path.join("tests/bench/results", `${result.date.slice(0, 10)}-fan-out-${followers}${Number.isFinite(refuseEvery) ? `-refuse-every-${refuseEvery}` : ""}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`Written to ${file}`);

  // Leave the benchmark database as it was: the bench's proposal, people and messages go.
  // (Deleting 5,000 accounts checks every table that points at users: longer than the statement timeout.)
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`delete from email_outbox where "to" like ${`suivi.${stamp}.%`}`);
    await tx.execute(sql`delete from proposals where id = ${proposal.id}`);
    await tx.execute(sql`delete from governance_meetings where id = ${meeting.id}`);
    await tx.execute(sql`delete from users where email like ${`suivi.${stamp}.%`}`);
  });
  await fake.close();
  await dbHandle.close();
}

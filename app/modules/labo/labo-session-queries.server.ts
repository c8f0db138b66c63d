import { and, asc, desc, eq, gte, inArray, isNull, ne, not, or, sql, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, canRunLaboSession, type Viewer } from "#app/modules/auth/permissions.ts";
import { listCommunes, listPiliersWithAmbitions } from "#app/modules/referential/referential-queries.server.ts";
import {
  ambitions,
  communes,
  laboAteliers,
  laboCaptures,
  laboRegistrations,
  laboSessionAmbitions,
  laboSessionAnimators,
  laboSessions,
  proposals,
  roleGrants,
  users,
  type LaboSessionStatus,
} from "#db/schema/index.ts";
import { atelierField } from "./labo-session.schema.ts";
import { instantToParis } from "./paris-time.ts";

export const UPCOMING_STATUSES: LaboSessionStatus[] = ["announced", "full"];
export const PAST_STATUSES: LaboSessionStatus[] = ["held", "minutes_published"];

/** What the session form offers: ambitions, communes, and the people who may animate (ambassadors, coordinators). */
export async function getLaboSessionFormChoices() {
  const [piliers, communeRows, grants] = await Promise.all([
    listPiliersWithAmbitions(),
    listCommunes(),
    db
      .select({ userId: roleGrants.userId, role: roleGrants.role, communeSlug: roleGrants.communeSlug, displayName: users.displayName })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(inArray(roleGrants.role, ["ambassador", "coordinator"]))
      .orderBy(asc(users.displayName)),
  ]);
  const communeName = new Map(communeRows.map((c) => [c.slug, c.name]));
  const animators = new Map<string, { id: string; displayName: string; coordinator: boolean; communes: string[] }>();
  for (const grant of grants) {
    const person = animators.get(grant.userId) ?? { id: grant.userId, displayName: grant.displayName, coordinator: false, communes: [] };
    if (grant.role === "coordinator") person.coordinator = true;
    else if (grant.communeSlug) person.communes.push(communeName.get(grant.communeSlug) ?? grant.communeSlug);
    animators.set(grant.userId, person);
  }
  return {
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))),
    communes: communeRows,
    animators: [...animators.values()],
  };
}

export type LaboSessionFormChoices = Awaited<ReturnType<typeof getLaboSessionFormChoices>>;

/** A session as the edit form's values (strings and lists, like a posted form). */
export async function getLaboSessionFormValues(sessionId: string) {
  const [[session], ambitionRows, animatorRows, atelierRows] = await Promise.all([
    db.select().from(laboSessions).where(eq(laboSessions.id, sessionId)).limit(1),
    db.select({ number: laboSessionAmbitions.ambitionNumber }).from(laboSessionAmbitions).where(eq(laboSessionAmbitions.sessionId, sessionId)),
    db.select({ userId: laboSessionAnimators.userId }).from(laboSessionAnimators).where(eq(laboSessionAnimators.sessionId, sessionId)),
    db.select().from(laboAteliers).where(eq(laboAteliers.sessionId, sessionId)).orderBy(asc(laboAteliers.position)),
  ]);
  if (!session) return null;
  const start = instantToParis(session.startsAt);
  const values: Record<string, string | string[]> = {
    title: session.title,
    theme: session.theme ?? "",
    description: session.description ?? "",
    communeSlug: session.communeSlug ?? "",
    placeName: session.placeName,
    placeAddress: session.placeAddress ?? "",
    accessInfo: session.accessInfo ?? "",
    accessibilityInfo: session.accessibilityInfo ?? "",
    date: start.date,
    startTime: start.time,
    endTime: session.endsAt ? instantToParis(session.endsAt).time : "",
    capacity: session.capacity === null ? "" : String(session.capacity),
    ambitionNumbers: ambitionRows.map((a) => String(a.number)),
    animatorIds: animatorRows.map((a) => a.userId),
  };
  atelierRows.forEach((atelier, i) => {
    values[atelierField(i, "Title")] = atelier.title;
    values[atelierField(i, "Question")] = atelier.question;
    values[atelierField(i, "Facilitator")] = atelier.facilitatorName ?? "";
  });
  return { status: session.status, title: session.title, values };
}

/** Confirmed and waitlisted registrations per session: counts only, never who. One grouped query. */
async function registrationCounts(sessionIds: string[]) {
  if (!sessionIds.length) return new Map<string, { confirmed: number; waitlisted: number }>();
  const rows = await db
    .select({
      sessionId: laboRegistrations.sessionId,
      confirmed: sql<number>`count(*) filter (where ${laboRegistrations.status} = 'confirmed')::int`,
      waitlisted: sql<number>`count(*) filter (where ${laboRegistrations.status} = 'waitlisted')::int`,
    })
    .from(laboRegistrations)
    .where(inArray(laboRegistrations.sessionId, sessionIds))
    .groupBy(laboRegistrations.sessionId);
  return new Map(rows.map((r) => [r.sessionId, { confirmed: r.confirmed, waitlisted: r.waitlisted }]));
}

function seatsLeft(capacity: number | null, confirmed: number) {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** The ambitions of several sessions (one query), by session. */
async function ambitionsBySession(sessionIds: string[]) {
  const bySession = new Map<string, { number: number; title: string }[]>();
  if (!sessionIds.length) return bySession;
  const rows = await db
    .select({ sessionId: laboSessionAmbitions.sessionId, number: ambitions.number, title: ambitions.title })
    .from(laboSessionAmbitions)
    .innerJoin(ambitions, eq(ambitions.number, laboSessionAmbitions.ambitionNumber))
    .where(inArray(laboSessionAmbitions.sessionId, sessionIds))
    .orderBy(asc(ambitions.number));
  for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), { number: row.number, title: row.title }]);
  return bySession;
}

const AGENDA_LIMIT = 100;

/**
 * The public agenda: sessions to come (announced, full, and cancelled ones not yet past, shown as
 * cancelled) soonest first, and past ones (held, minutes published, or over) latest first, optionally in one
 * commune or about one ambition. Drafts never appear. Four queries whatever the number of sessions.
 */
export async function listLaboAgenda({ communeSlug, ambitionNumber, now = new Date() }: { communeSlug: string | null; ambitionNumber: number | null; now?: Date }) {
  const filters: SQL[] = [];
  if (communeSlug) filters.push(eq(laboSessions.communeSlug, communeSlug));
  if (ambitionNumber !== null) {
    filters.push(
      sql`exists (select 1 from ${laboSessionAmbitions} where ${laboSessionAmbitions.sessionId} = ${laboSessions.id} and ${laboSessionAmbitions.ambitionNumber} = ${ambitionNumber})`,
    );
  }
  const columns = {
    id: laboSessions.id,
    title: laboSessions.title,
    theme: laboSessions.theme,
    communeSlug: laboSessions.communeSlug,
    communeName: communes.name,
    placeName: laboSessions.placeName,
    startsAt: laboSessions.startsAt,
    endsAt: laboSessions.endsAt,
    capacity: laboSessions.capacity,
    status: laboSessions.status,
    attendance: laboSessions.attendance,
    minutesPublishedAt: laboSessions.minutesPublishedAt,
  };
  // A session whose end has passed is history, even before its minutes say it was held.
  const notOver = sql`coalesce(${laboSessions.endsAt}, ${laboSessions.startsAt}) >= ${now.toISOString()}::timestamptz`;
  const [upcoming, past] = await Promise.all([
    db
      .select(columns)
      .from(laboSessions)
      .leftJoin(communes, eq(communes.slug, laboSessions.communeSlug))
      .where(and(or(and(inArray(laboSessions.status, UPCOMING_STATUSES), notOver), and(eq(laboSessions.status, "cancelled"), gte(laboSessions.startsAt, now))), ...filters))
      .orderBy(asc(laboSessions.startsAt))
      .limit(AGENDA_LIMIT),
    db
      .select(columns)
      .from(laboSessions)
      .leftJoin(communes, eq(communes.slug, laboSessions.communeSlug))
      .where(and(or(inArray(laboSessions.status, PAST_STATUSES), and(inArray(laboSessions.status, UPCOMING_STATUSES), not(notOver))), ...filters))
      .orderBy(desc(laboSessions.startsAt))
      .limit(AGENDA_LIMIT),
  ]);
  const ids = [...upcoming, ...past].map((s) => s.id);
  const [counts, ambitionMap] = await Promise.all([registrationCounts(upcoming.map((s) => s.id)), ambitionsBySession(ids)]);
  return {
    upcoming: upcoming.map((s) => ({ ...s, ambitions: ambitionMap.get(s.id) ?? [], seatsLeft: seatsLeft(s.capacity, counts.get(s.id)?.confirmed ?? 0) })),
    past: past.map((s) => ({ ...s, ambitions: ambitionMap.get(s.id) ?? [] })),
  };
}

/**
 * The drafts a person may take up again (their communes', or those they animate; every draft for a
 * coordinator), soonest first. Drafts are few; the rule is `canRunLaboSession`, applied to each.
 */
export async function listRunnableDrafts(viewer: NonNullable<Viewer>) {
  if (!can(viewer, "labo.manage")) return [];
  const drafts = await db
    .select({
      id: laboSessions.id,
      title: laboSessions.title,
      communeSlug: laboSessions.communeSlug,
      communeName: communes.name,
      startsAt: laboSessions.startsAt,
      animatorIds: sql<string[]>`coalesce((select array_agg(${laboSessionAnimators.userId}) from ${laboSessionAnimators} where ${laboSessionAnimators.sessionId} = ${laboSessions.id}), '{}')`,
    })
    .from(laboSessions)
    .leftJoin(communes, eq(communes.slug, laboSessions.communeSlug))
    .where(eq(laboSessions.status, "draft"))
    .orderBy(asc(laboSessions.startsAt))
    .limit(AGENDA_LIMIT);
  return drafts.filter((draft) => canRunLaboSession(viewer, draft)).map(({ animatorIds: _animators, ...draft }) => draft);
}

/**
 * Everything the session page shows, and nothing personal about registrants: counts only. The minutes'
 * captures come without the participant's name or contact; the proposals carried are the published
 * ones (not drafts, not hidden by moderation).
 */
export async function getLaboSessionPage(sessionId: string) {
  const [[session], ambitionMap, atelierRows, animatorRows, counts] = await Promise.all([
    db
      .select({ session: laboSessions, communeName: communes.name })
      .from(laboSessions)
      .leftJoin(communes, eq(communes.slug, laboSessions.communeSlug))
      .where(eq(laboSessions.id, sessionId))
      .limit(1),
    ambitionsBySession([sessionId]),
    db
      .select({ id: laboAteliers.id, title: laboAteliers.title, question: laboAteliers.question, facilitatorName: laboAteliers.facilitatorName })
      .from(laboAteliers)
      .where(eq(laboAteliers.sessionId, sessionId))
      .orderBy(asc(laboAteliers.position)),
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(laboSessionAnimators)
      .innerJoin(users, eq(users.id, laboSessionAnimators.userId))
      .where(eq(laboSessionAnimators.sessionId, sessionId))
      .orderBy(asc(users.displayName)),
    registrationCounts([sessionId]),
  ]);
  if (!session) return null;
  const row = session.session;
  const published = row.minutesPublishedAt !== null;
  const [captures, carried] = published
    ? await Promise.all([
        db
          .select({ id: laboCaptures.id, kind: laboCaptures.kind, body: laboCaptures.body, atelierTitle: laboAteliers.title, ambitionNumber: laboCaptures.ambitionNumber })
          .from(laboCaptures)
          .leftJoin(laboAteliers, eq(laboAteliers.id, laboCaptures.atelierId))
          .where(and(eq(laboCaptures.sessionId, sessionId), eq(laboCaptures.inMinutes, true), isNull(laboCaptures.hiddenAt)))
          .orderBy(asc(laboCaptures.createdAt)),
        db
          .select({ id: proposals.id, title: proposals.title, status: proposals.status, decision: proposals.decision })
          .from(proposals)
          .where(and(eq(proposals.originLaboSessionId, sessionId), ne(proposals.status, "draft"), isNull(proposals.hiddenAt)))
          .orderBy(asc(proposals.createdAt)),
      ])
    : [[], []];
  const count = counts.get(sessionId) ?? { confirmed: 0, waitlisted: 0 };
  return {
    id: row.id,
    title: row.title,
    theme: row.theme,
    description: row.description,
    communeSlug: row.communeSlug,
    communeName: session.communeName,
    placeName: row.placeName,
    placeAddress: row.placeAddress,
    accessInfo: row.accessInfo,
    accessibilityInfo: row.accessibilityInfo,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    status: row.status,
    cancellationReason: row.cancellationReason,
    attendance: row.attendance,
    newcomers: row.newcomers,
    seatsLeft: seatsLeft(row.capacity, count.confirmed),
    waitlisted: count.waitlisted,
    ambitions: ambitionMap.get(sessionId) ?? [],
    ateliers: atelierRows,
    animators: animatorRows,
    animatorIds: animatorRows.map((a) => a.id),
    minutes: published
      ? {
          publishedAt: row.minutesPublishedAt!,
          summary: row.minutesSummary,
          decisions: row.minutesDecisions,
          opinions: row.minutesOpinions,
          followUps: row.minutesFollowUps,
          captures,
          proposals: carried,
        }
      : null,
  };
}

export type LaboSessionPage = NonNullable<Awaited<ReturnType<typeof getLaboSessionPage>>>;

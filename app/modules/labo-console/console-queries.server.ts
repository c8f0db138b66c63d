import { and, asc, desc, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { listPiliersWithAmbitions, listQuartiers } from "#app/modules/referential/referential-queries.server.ts";
import { ambitions, laboAteliers, laboCaptures, laboRegistrations, proposals, quartiers, users } from "#db/schema/index.ts";

/** A registrant's name: the one typed at registration, or the account's public name. */
const registrantName = sql<string | null>`coalesce(${laboRegistrations.name}, ${users.displayName})`;

function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Present, of whom newcomers, and registered online (cancellations left out). One query. */
export async function countAttendance(sessionId: string) {
  const [row] = await db
    .select({
      present: sql<number>`count(*) filter (where ${laboRegistrations.checkedInAt} is not null)::int`,
      newcomers: sql<number>`count(*) filter (where ${laboRegistrations.checkedInAt} is not null and ${laboRegistrations.isNewcomer})::int`,
      registered: sql<number>`count(*) filter (where ${laboRegistrations.source} = 'online')::int`,
    })
    .from(laboRegistrations)
    .where(and(eq(laboRegistrations.sessionId, sessionId), ne(laboRegistrations.status, "cancelled")));
  return row ?? { present: 0, newcomers: 0, registered: 0 };
}

/** The people expected or present (cancellations left out), with the name shown at the door. */
export async function listConsoleRegistrations(sessionId: string, nameFilter: string | null) {
  return db
    .select({
      id: laboRegistrations.id,
      name: registrantName,
      status: laboRegistrations.status,
      source: laboRegistrations.source,
      isNewcomer: laboRegistrations.isNewcomer,
      checkedInAt: laboRegistrations.checkedInAt,
    })
    .from(laboRegistrations)
    .leftJoin(users, eq(users.id, laboRegistrations.userId))
    .where(
      and(
        eq(laboRegistrations.sessionId, sessionId),
        ne(laboRegistrations.status, "cancelled"),
        nameFilter ? or(ilike(laboRegistrations.name, likePattern(nameFilter)), ilike(users.displayName, likePattern(nameFilter))) : undefined,
      ),
    )
    // Registered people by name (easy to find at the door), then the waiting list, then walk-ins as they came.
    .orderBy(
      sql`case when ${laboRegistrations.source} = 'walk_in' then 2 when ${laboRegistrations.status} = 'confirmed' then 0 else 1 end`,
      sql`case when ${laboRegistrations.source} = 'walk_in' then null else lower(${registrantName}) end nulls last`,
      asc(laboRegistrations.createdAt),
      asc(laboRegistrations.id),
    );
}

/** This session's captures, newest first, with the proposal an idea became (if any). */
export async function listSessionCaptures(sessionId: string) {
  return db
    .select({
      id: laboCaptures.id,
      clientId: laboCaptures.clientId,
      kind: laboCaptures.kind,
      body: laboCaptures.body,
      atelierTitle: laboAteliers.title,
      ambitionNumber: laboCaptures.ambitionNumber,
      ambitionTitle: ambitions.title,
      quartierName: quartiers.name,
      participantName: laboCaptures.participantName,
      inMinutes: laboCaptures.inMinutes,
      createdAt: laboCaptures.createdAt,
      proposalId: proposals.id,
      proposalTitle: proposals.title,
    })
    .from(laboCaptures)
    .leftJoin(laboAteliers, eq(laboAteliers.id, laboCaptures.atelierId))
    .leftJoin(ambitions, eq(ambitions.number, laboCaptures.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, laboCaptures.quartierCode))
    .leftJoin(proposals, eq(proposals.originCaptureId, laboCaptures.id))
    .where(and(eq(laboCaptures.sessionId, sessionId), isNull(laboCaptures.hiddenAt)))
    .orderBy(desc(laboCaptures.createdAt), desc(laboCaptures.id));
}

export async function listSessionAteliers(sessionId: string) {
  return db.select({ id: laboAteliers.id, title: laboAteliers.title }).from(laboAteliers).where(eq(laboAteliers.sessionId, sessionId)).orderBy(asc(laboAteliers.position));
}

/** The choices of the capture form: the session's ateliers, the ambitions, the quartiers (the session's commune first). */
export async function getCaptureChoices(session: { id: string; communeSlug: string | null }) {
  const [ateliers, piliers, quartierRows] = await Promise.all([listSessionAteliers(session.id), listPiliersWithAmbitions(), listQuartiers()]);
  const inCommune = (q: (typeof quartierRows)[number]) => q.communes.some((c) => c.slug === session.communeSlug);
  return {
    ateliers,
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))),
    quartiers: [...quartierRows.filter(inCommune), ...quartierRows.filter((q) => !inCommune(q))].map((q) => ({ code: q.code, name: q.name, local: inCommune(q) })),
  };
}

export type CaptureChoices = Awaited<ReturnType<typeof getCaptureChoices>>;

/** One capture of a session (for carrying an idea), or null. */
export async function getSessionCapture(sessionId: string, captureId: string) {
  const [row] = await db
    .select({
      id: laboCaptures.id,
      kind: laboCaptures.kind,
      body: laboCaptures.body,
      ambitionNumber: laboCaptures.ambitionNumber,
      quartierCode: laboCaptures.quartierCode,
      proposalId: proposals.id,
    })
    .from(laboCaptures)
    .leftJoin(proposals, eq(proposals.originCaptureId, laboCaptures.id))
    .where(and(eq(laboCaptures.sessionId, sessionId), eq(laboCaptures.id, captureId), isNull(laboCaptures.hiddenAt)))
    .limit(1);
  return row ?? null;
}

/** The proposals this session carried (for the minutes' decisions), oldest first. */
export async function listCarriedProposals(sessionId: string) {
  return db
    .select({ id: proposals.id, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.originLaboSessionId, sessionId), isNull(proposals.hiddenAt)))
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
}

import { asc, eq, sql, type Placeholder } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { listPlaceChoices } from "#app/modules/auth/account-queries.server.ts";
import { listPiliersWithAmbitions, listTransversalAxes } from "#app/modules/referential/referential-queries.server.ts";
import {
  ambitions,
  communes,
  PROPOSAL_EVENT_KINDS,
  proposalAmbitions,
  proposalAxes,
  proposalEvents,
  proposals,
  quartierCommunes,
  quartiers,
  transversalAxes,
  users,
  type ProposalEventKind,
} from "#db/schema/index.ts";

const originQuartiers = alias(quartiers, "origin_quartiers");

// Events written in one transaction share its timestamp: "created" then comes before "published".
const KIND_ORDER = sql.raw(`array[${PROPOSAL_EVENT_KINDS.map((kind) => `'${kind}'`).join(", ")}]::text[]`);

function proposalQuery(id: string | Placeholder) {
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      body: proposals.body,
      status: proposals.status,
      decision: proposals.decision,
      origin: proposals.origin,
      originQuartierCode: proposals.originQuartierCode,
      originQuartierName: originQuartiers.name,
      originLaboSessionId: proposals.originLaboSessionId,
      authorId: proposals.authorId,
      // A profile hidden by moderation: its name never leaves the database.
      authorName: sql<string | null>`case when ${users.profileHiddenAt} is null then ${users.displayName} end`,
      authorHidden: sql<boolean>`${users.profileHiddenAt} is not null`,
      ambitionNumber: proposals.ambitionNumber,
      ambitionTitle: ambitions.title,
      quartierCode: proposals.quartierCode,
      quartierName: quartiers.name,
      communeSlug: proposals.communeSlug,
      communeName: communes.name,
      // The quartiers page has a section for each commune with a quartier prioritaire.
      communeHasQuartier: sql<boolean>`exists (select 1 from ${quartierCommunes} where ${quartierCommunes.communeSlug} = ${proposals.communeSlug})`,
      placeDescription: proposals.placeDescription,
      supportCount: proposals.supportCount,
      contributionCount: proposals.contributionCount,
      createdAt: proposals.createdAt,
      publishedAt: proposals.publishedAt,
      withdrawnAt: proposals.withdrawnAt,
      hiddenAt: proposals.hiddenAt,
      secondaryAmbitions: sql<{ number: number; title: string }[]>`coalesce((
        select json_agg(json_build_object('number', a.number, 'title', a.title) order by a.number)
        from ${proposalAmbitions} pa join ${ambitions} a on a.number = pa.ambition_number
        where pa.proposal_id = ${proposals.id}), '[]'::json)`,
      axes: sql<{ key: string; title: string }[]>`coalesce((
        select json_agg(json_build_object('key', t.key, 'title', t.title) order by t.position)
        from ${proposalAxes} px join ${transversalAxes} t on t.key = px.axis_key
        where px.proposal_id = ${proposals.id}), '[]'::json)`,
    })
    .from(proposals)
    .innerJoin(ambitions, eq(ambitions.number, proposals.ambitionNumber))
    .leftJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(quartiers, eq(quartiers.code, proposals.quartierCode))
    .leftJoin(communes, eq(communes.slug, proposals.communeSlug))
    .leftJoin(originQuartiers, eq(originQuartiers.code, proposals.originQuartierCode))
    .where(eq(proposals.id, id))
    .limit(1);
}

function timelineQuery(id: string | Placeholder) {
  return db
    .select({ id: proposalEvents.id, kind: proposalEvents.kind, payload: proposalEvents.payload, createdAt: proposalEvents.createdAt, actorName: sql<string | null>`case when ${users.profileHiddenAt} is null then ${users.displayName} end` })
    .from(proposalEvents)
    .leftJoin(users, eq(users.id, proposalEvents.actorId))
    .where(eq(proposalEvents.proposalId, id))
    .orderBy(asc(proposalEvents.createdAt), sql`array_position(${KIND_ORDER}, ${proposalEvents.kind})`, asc(proposalEvents.id));
}

// Built once, run with the proposal's id (see prepared-queries.server.ts).
const proposalRuns = preparedByShape<Awaited<ReturnType<typeof proposalQuery>>[number]>("proposal_view");
const timelineRuns = preparedByShape<Awaited<ReturnType<typeof timelineQuery>>[number]>("proposal_timeline");

/**
 * A proposal as its page shows it: one query for the proposal with its names (author, ambition, places,
 * origin) and its secondary ambitions and axes aggregated in SQL, one for its timeline with the names
 * of who did what. Hidden proposals are returned (with hiddenAt) so the caller decides.
 */
export async function getProposalPage(proposalId: string) {
  const [rows, events] = await Promise.all([
    proposalRuns("", () => proposalQuery(sql.placeholder("id"))).execute({ id: proposalId }),
    timelineRuns("", () => timelineQuery(sql.placeholder("id"))).execute({ id: proposalId }),
  ]);
  const proposal = rows[0];
  if (!proposal) return null;
  return { ...proposal, events: events.map(timelineEntry) };
}

const stringOrNull = (value: unknown) => (typeof value === "string" && value ? value : null);
const numberOrNull = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
/** The first of several keys holding a non-empty string (payloads written by different steps name things their way). */
const firstString = (payload: Record<string, unknown>, ...keys: string[]) => keys.map((key) => stringOrNull(payload[key])).find((value) => value !== null) ?? null;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNull = (value: unknown) => (typeof value === "string" && UUID.test(value) ? value : null);
const ANSWER_KINDS = new Set(["copil_decision", "already_done", "in_progress_elsewhere", "outside_contract"]);
const BODY_KEY = /^[a-z][a-z0-9_-]{0,40}$/;
// Steps taken by the GTP, the COPIL or their secretariat: the body acts, so no staff member is named.
const BODY_STEPS = new Set<ProposalEventKind>(["under_review", "on_copil_agenda", "decided", "in_progress", "done", "answered", "merged", "merged_in", "decision_corrected", "milestone_added", "milestone_reached", "progress"]);

/**
 * A timeline event with what its payload holds, typed: edited fields, an update's text, a reason, a
 * decision, and for the governance steps the partner, the meeting, the answer, the other proposal of a
 * merge, the body in charge, a milestone. The one place payloads are read.
 */
function timelineEntry(event: { id: string; kind: ProposalEventKind; payload: Record<string, unknown> | null; createdAt: Date; actorName: string | null }) {
  const payload = event.payload ?? {};
  const kind = event.kind;
  const answerKind = firstString(payload, "answerKind", "kind", "outcome");
  const meetingId = idOrNull(payload.meetingId);
  const meetingBody = firstString(payload, "meetingBodyKey", "bodyKey");
  const meetingStartsAt = firstString(payload, "meetingStartsAt", "meetingDate", "startsAt");
  const action = payload.action && typeof payload.action === "object" ? (payload.action as Record<string, unknown>) : null;
  const mergeQualified = kind === "qualified" && payload.carriedBy === "merge";
  // Carried by a conseil citoyen (the carry, and the qualification it brings): the council acts, not its member.
  const council = kind === "carried" || (kind === "qualified" && payload.carriedBy === "conseil_citoyen") ? { code: stringOrNull(payload.councilCode), name: stringOrNull(payload.councilName) } : null;
  const otherId = mergeQualified ? idOrNull(payload.otherId) : kind === "merged" ? idOrNull(payload.targetId ?? payload.intoId ?? payload.mergedIntoId ?? payload.otherId) : kind === "merged_in" ? idOrNull(payload.sourceId ?? payload.fromId ?? payload.mergedId ?? payload.otherId) : null;
  const otherTitle = mergeQualified ? firstString(payload, "otherTitle") : kind === "merged" ? firstString(payload, "targetTitle", "intoTitle", "otherTitle") : kind === "merged_in" ? firstString(payload, "sourceTitle", "fromTitle", "mergedTitle", "otherTitle") : null;
  return {
    id: event.id,
    kind,
    createdAt: event.createdAt,
    actorName: BODY_STEPS.has(kind) || council ? null : event.actorName,
    fields: Array.isArray(payload.fields) ? payload.fields.filter((f): f is string => typeof f === "string") : [],
    // What the step says in words: news, reasons, an answer, a correction, a last word.
    text: firstString(payload, "text", "reasons", "publicReasons", "answerText", "correction", "statement"),
    reason: stringOrNull(payload.reason),
    decision: stringOrNull(payload.decision),
    // A proposal carried by a rendez-vous du Labo is qualified by it (not by supports).
    carriedBySession: payload.carriedBy === "labo_session" ? { id: stringOrNull(payload.sessionId), title: stringOrNull(payload.sessionTitle) } : null,
    carriedByCouncil: council,
    // Sent to the GTP by a member of the réseau des acteurs, for their organisation.
    carriedByNetwork: kind === "qualified" && payload.carriedBy === "actor_network" ? { organisation: stringOrNull(payload.organisation) } : null,
    answerKind: answerKind && ANSWER_KINDS.has(answerKind) ? answerKind : null,
    competentBody: firstString(payload, "competentBody"),
    partnerName: firstString(payload, "partnerName", "partner"),
    meeting: meetingId || meetingStartsAt ? { id: meetingId, bodyKey: meetingBody && BODY_KEY.test(meetingBody) ? meetingBody : "copil", title: firstString(payload, "meetingTitle"), startsAt: meetingStartsAt } : null,
    other: otherId || otherTitle ? { id: otherId, title: otherTitle } : null,
    bodyInCharge: firstString(payload, "bodyInCharge", "body"),
    action: action ? { title: stringOrNull(action.title), porteur: stringOrNull(action.porteur), amountEur: numberOrNull(action.amountEur) } : null,
    milestone: kind === "milestone_added" || kind === "milestone_reached" ? { title: firstString(payload, "milestoneTitle", "title", "milestone"), dueOn: firstString(payload, "dueOn") } : null,
  };
}

export type ProposalPage = NonNullable<Awaited<ReturnType<typeof getProposalPage>>>;

/** What the proposal form offers: ambitions by pilier (with their plain summaries), axes, places. */
export async function getProposalFormChoices() {
  const [piliers, axes, places] = await Promise.all([listPiliersWithAmbitions(), listTransversalAxes(), listPlaceChoices()]);
  return {
    piliers: piliers.map((p) => ({ number: p.number, shortTitle: p.shortTitle, ambitions: p.ambitions.map((a) => ({ number: a.number, title: a.title, summary: a.summary })) })),
    axes: axes.map((a) => ({ key: a.key, title: a.title, summary: a.summary })),
    ...places,
  };
}

export type ProposalFormChoices = Awaited<ReturnType<typeof getProposalFormChoices>>;

/** The commune and quartier of a person's profile: a new proposal starts there. */
export async function getProfilePlace(userId: string) {
  const [row] = await db.select({ communeSlug: users.communeSlug, quartierCode: users.quartierCode }).from(users).where(eq(users.id, userId)).limit(1);
  return { communeSlug: row?.communeSlug ?? "", quartierCode: row?.quartierCode ?? "" };
}

/** Who wrote a proposal and where it stands: enough for a guard, before reading a form. Hidden ones are absent. */
export async function getProposalState(proposalId: string) {
  const [row] = await db
    .select({ id: proposals.id, authorId: proposals.authorId, status: proposals.status, supportCount: proposals.supportCount, contributionCount: proposals.contributionCount, hiddenAt: proposals.hiddenAt })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .limit(1);
  return row && !row.hiddenAt ? row : null;
}

import { eq, sql, type Placeholder } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { can, writeBlock, type Viewer } from "#app/modules/auth/permissions.ts";
import { isFollowable } from "#app/modules/follows/follow-proposal.server.ts";
import { ambitions, proposalFollows, proposals, supports } from "#db/schema/index.ts";
import type { SupportAccess } from "./support.schema.ts";
import { takesSupports } from "./support-target.server.ts";


/** Everything the support and follow buttons need, as plain data (see app/components/proposals/). */
export type SupportPanel = {
  proposalId: string;
  supportCount: number;
  threshold: number;
  /** The proposal has been qualified (by its supports, or carried by the Labo or a conseil citoyen). */
  qualified: boolean;
  /** Supports are taken (open status, not hidden). */
  open: boolean;
  access: SupportAccess;
  supported: boolean;
  following: boolean;
  /** Signed in and the proposal may be followed (or is followed, so it can be stopped). */
  canFollow: boolean;
};

function panelQuery(proposalId: Placeholder, viewerId: Placeholder | null) {
  return db
    .select({
      status: proposals.status,
      hiddenAt: proposals.hiddenAt,
      authorId: proposals.authorId,
      supportCount: proposals.supportCount,
      qualifiedAt: proposals.qualifiedAt,
      threshold: ambitions.supportThreshold,
      supported: viewerId
        ? sql<boolean>`exists (select 1 from ${supports} where ${supports.proposalId} = ${proposals.id} and ${supports.userId} = ${viewerId})`
        : sql<boolean>`false`,
      following: viewerId
        ? sql<boolean>`exists (select 1 from ${proposalFollows} where ${proposalFollows.proposalId} = ${proposals.id} and ${proposalFollows.userId} = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(proposals)
    .innerJoin(ambitions, eq(ambitions.number, proposals.ambitionNumber))
    .where(eq(proposals.id, proposalId))
    .limit(1);
}

// Two shapes, signed in or not, each built once (see prepared-queries.server.ts).
const panelRuns = preparedByShape<Awaited<ReturnType<typeof panelQuery>>[number]>("support_panel");

/** The support panel of a proposal page, in one query. Null when the proposal does not exist. */
export async function getSupportPanel({ proposalId, viewer }: { proposalId: string; viewer: Viewer }): Promise<SupportPanel | null> {
  const viewerId = viewer?.id ?? null;
  const [row] = await panelRuns(viewerId ? "viewer" : "anonymous", () => panelQuery(sql.placeholder("id"), viewerId ? sql.placeholder("viewerId") : null)).execute({ id: proposalId, viewerId });
  if (!row) return null;

  const open = takesSupports(row);
  const supported = Boolean(row.supported);
  const following = Boolean(row.following);
  let access: SupportAccess;
  if (!open) access = "closed";
  else if (!viewer) access = "sign_in";
  else if (row.authorId === viewer.id) access = "author";
  else if (!can(viewer, "participation.write")) {
    const block = writeBlock(viewer);
    access = block?.reason === "suspended" ? "suspended" : block?.reason === "charter" ? "charter" : "verify_email";
  }
  else access = "support";

  return {
    proposalId,
    supportCount: row.supportCount,
    threshold: row.threshold,
    qualified: row.qualifiedAt !== null,
    open,
    access,
    supported,
    following,
    canFollow: viewer !== null && (following || isFollowable(row)),
  };
}

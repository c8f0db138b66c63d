/**
 * Who may do what: the one place that answers it. Pure (no database), so the client can use it to
 * hide buttons and the server to refuse requests, with the same answer.
 */
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import type { Role } from "#db/schema/accounts.ts";

/** `councilCode`: set on the `council_member` role only (read from the council's membership, not a grant). */
export type RoleGrant = { role: Role; communeSlug: string | null; quartierCode: string | null; councilCode?: string | null };
/**
 * suspendedUntil and charterVersion come with the account (the server's viewer always carries them); a
 * viewer built without them (tests of other rules) is neither suspended nor behind on the charter.
 */
export type Viewer = {
  id: string;
  emailVerified: boolean;
  roles: RoleGrant[];
  suspendedUntil?: Date | string | null;
  charterVersion?: number | null;
} | null;
export type Scope = { communeSlug?: string | null; quartierCode?: string | null; councilCode?: string | null };

export const PERMISSIONS = [
  "account.manage", // own profile, own sessions
  "participation.write", // post, support, contribute (verified email, current charter, not suspended)
  "referential.edit",
  "roles.manage",
  "audit.read",
  "mailbox.read", // the development mailbox when it is served in production
  "labo.manage", // schedule and run rendez-vous (scoped to a commune for ambassadors)
  "council.act", // act for a conseil citoyen: carry, follow, interpellate, read its board (scoped to the council)
  "council.manage", // keep a council's membership and meetings (coordinators)
  "toolbox.edit", // write and publish toolbox entries (ambassadors, coordinators)
  "network.refer", // send a question or a proposal to the GTP from the toolbox (réseau des acteurs)
  "moderation.act",
  "governance.manage", // GTP / COPIL secretariat
  "settings.manage", // moderation threshold, pre-moderation
  "outbox.manage", // the outbox: delivery counts, failed emails sent again
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GLOBAL: Record<Permission, readonly Role[]> = {
  "account.manage": [],
  "participation.write": [],
  "referential.edit": ["administrator"],
  "roles.manage": ["administrator"],
  "audit.read": ["coordinator", "administrator"],
  "mailbox.read": ["administrator"],
  "labo.manage": ["coordinator", "administrator"],
  "council.act": ["coordinator", "administrator"],
  "council.manage": ["coordinator", "administrator"],
  "toolbox.edit": ["ambassador", "coordinator", "administrator"],
  "network.refer": ["network_member", "coordinator", "administrator"],
  "moderation.act": ["moderator", "administrator"],
  "governance.manage": ["coordinator", "administrator"],
  "settings.manage": ["administrator"],
  "outbox.manage": ["administrator"],
};

function hasRole(viewer: NonNullable<Viewer>, roles: readonly Role[]) {
  return viewer.roles.some((grant) => roles.includes(grant.role));
}

export function can(viewer: Viewer, permission: Permission, scope: Scope = {}): boolean {
  if (!viewer) return false;
  switch (permission) {
    case "account.manage":
      return true;
    case "participation.write":
      return writeBlock(viewer) === null;
    case "labo.manage":
      if (hasRole(viewer, GLOBAL[permission])) return true;
      // An ambassador runs sessions in their communes; with no scope asked, any ambassador may open the console.
      return viewer.roles.some(
        (g) => g.role === "ambassador" && (scope.communeSlug === undefined || (scope.communeSlug !== null && g.communeSlug === scope.communeSlug)),
      );
    case "council.act":
      if (hasRole(viewer, GLOBAL[permission])) return true;
      // A member acts for their own council only; with no council asked, any member may open their space.
      return viewer.roles.some(
        (g) => g.role === "council_member" && (scope.councilCode === undefined || (scope.councilCode !== null && g.councilCode === scope.councilCode)),
      );
    default:
      return hasRole(viewer, GLOBAL[permission]);
  }
}

/** Why a signed-in person may not write (post, support, contribute, follow) right now; null when they may. */
export type WriteBlock = { reason: "unverified" } | { reason: "charter" } | { reason: "suspended"; until: Date };

export function writeBlock(viewer: NonNullable<Viewer>, now: Date = new Date()): WriteBlock | null {
  // Suspension first: it is the one a person cannot lift themselves, so it is what they must be told.
  if (viewer.suspendedUntil) {
    const until = new Date(viewer.suspendedUntil);
    if (until.getTime() > now.getTime()) return { reason: "suspended", until };
  }
  if (!viewer.emailVerified) return { reason: "unverified" };
  if (viewer.charterVersion !== undefined && (viewer.charterVersion ?? 0) < CHARTER_VERSION) return { reason: "charter" };
  return null;
}

/** Which scope each role takes: the admin screen and the grant use case both ask this. */
export const ROLE_SCOPE: Record<Role, "none" | "commune" | "quartier" | "council"> = {
  resident: "none",
  ambassador: "commune",
  // Held through a council's membership (council_members), not through a grant.
  council_member: "council",
  network_member: "none",
  moderator: "none",
  coordinator: "none",
  administrator: "none",
};

/**
 * Who runs a given rendez-vous du Labo (edit it, see its registrants, check in, capture, publish the
 * minutes): coordinators and administrators everywhere, ambassadors of its commune, and its animators.
 */
export function canRunLaboSession(viewer: Viewer, session: { communeSlug: string | null; animatorIds: readonly string[] }): boolean {
  if (!viewer) return false;
  if (session.animatorIds.includes(viewer.id) && can(viewer, "labo.manage")) return true;
  return can(viewer, "labo.manage", { communeSlug: session.communeSlug });
}

/**
 * Who may do what: the one place that answers it. Pure (no database), so the client can use it to
 * hide buttons and the server to refuse requests, with the same answer.
 */
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import type { Role } from "#db/schema/accounts.ts";

export type RoleGrant = { role: Role; communeSlug: string | null; quartierCode: string | null };
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
export type Scope = { communeSlug?: string | null; quartierCode?: string | null };

export const PERMISSIONS = [
  "account.manage", // own profile, own sessions
  "participation.write", // post, support, contribute (verified email, current charter, not suspended)
  "referential.edit",
  "roles.manage",
  "audit.read",
  "mailbox.read", // the development mailbox when it is served in production
  "labo.manage", // schedule and run rendez-vous (scoped to a commune for ambassadors)
  "council.act", // act for a conseil citoyen (scoped to its quartier)
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
      return viewer.roles.some(
        (g) => g.role === "council_member" && (scope.quartierCode === undefined || (scope.quartierCode !== null && g.quartierCode === scope.quartierCode)),
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
export const ROLE_SCOPE: Record<Role, "none" | "commune" | "quartier"> = {
  resident: "none",
  ambassador: "commune",
  council_member: "quartier",
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

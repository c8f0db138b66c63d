import { and, asc, count, eq, exists, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { communes, councilMembers, councils, quartiers, ROLES, roleGrants, users, type CouncilCollege, type Role } from "#db/schema/index.ts";
import { isIdLike, type UserSearch } from "./role.schema.ts";

export const USERS_PAGE_SIZE = 25;

export type UserRoleGrant = {
  id: string;
  role: Role;
  communeSlug: string | null;
  communeName: string | null;
};

/** A council the person currently sits on (kept on the council's page, shown read-only here). */
export type UserCouncilMembership = { councilCode: string; councilName: string; college: CouncilCollege };

/** `%` and `_` typed by the person are searched for literally, not as wildcards. */
export function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Each user's grants with the names of their scopes, for many users in one query. */
async function grantsByUser(userIds: string[]) {
  const byUser = new Map<string, UserRoleGrant[]>();
  if (!userIds.length) return byUser;
  const rows = await db
    .select({
      userId: roleGrants.userId,
      id: roleGrants.id,
      role: roleGrants.role,
      communeSlug: roleGrants.communeSlug,
      communeName: communes.name,
    })
    .from(roleGrants)
    .leftJoin(communes, eq(communes.slug, roleGrants.communeSlug))
    .where(inArray(roleGrants.userId, userIds));
  // In the order of ROLES, then by scope name: the same person always reads the same way.
  const scopeName = (g: UserRoleGrant) => g.communeName ?? "";
  rows.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || scopeName(a).localeCompare(scopeName(b), "fr"));
  for (const { userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(grant);
    byUser.set(userId, list);
  }
  return byUser;
}

/** Each user's current council memberships, for many users in one query. */
async function councilsByUser(userIds: string[]) {
  const byUser = new Map<string, UserCouncilMembership[]>();
  if (!userIds.length) return byUser;
  const rows = await db
    .select({ userId: councilMembers.userId, councilCode: councils.code, councilName: councils.name, college: councilMembers.college })
    .from(councilMembers)
    .innerJoin(councils, eq(councils.code, councilMembers.councilCode))
    .where(and(inArray(councilMembers.userId, userIds), isNull(councilMembers.leftAt)))
    .orderBy(asc(councils.name));
  for (const { userId, ...membership } of rows) {
    const list = byUser.get(userId!) ?? [];
    list.push(membership);
    byUser.set(userId!, list);
  }
  return byUser;
}

/**
 * Users matching a name or e-mail fragment (case-insensitive), optionally holding a role, by name.
 * A `%…%` pattern cannot use a b-tree index: fine for the few thousand accounts expected; a pg_trgm
 * GIN index on display_name and email is the next step if this list grows.
 */
export async function searchUsers(search: UserSearch) {
  const conditions: SQL[] = [];
  if (search.q) {
    const pattern = likePattern(search.q);
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern))!);
  }
  if (search.role === "council_member") {
    // Council membership is not a grant: current members are the rows of council_members without left_at.
    conditions.push(exists(db.select({ one: councilMembers.id }).from(councilMembers).where(and(eq(councilMembers.userId, users.id), isNull(councilMembers.leftAt)))));
  } else if (search.role) {
    const role = search.role;
    conditions.push(exists(db.select({ one: roleGrants.id }).from(roleGrants).where(and(eq(roleGrants.userId, users.id), eq(roleGrants.role, role)))));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: users.id, displayName: users.displayName, email: users.email, communeName: communes.name })
      .from(users)
      .leftJoin(communes, eq(communes.slug, users.communeSlug))
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(USERS_PAGE_SIZE)
      .offset((search.page - 1) * USERS_PAGE_SIZE),
    db.select({ value: count() }).from(users).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [grants, memberships] = await Promise.all([grantsByUser(ids), councilsByUser(ids)]);
  const totalCount = total?.value ?? 0;
  return {
    users: rows.map((row) => ({ ...row, roles: grants.get(row.id) ?? [], councils: memberships.get(row.id) ?? [] })),
    total: totalCount,
    page: search.page,
    pageCount: Math.max(1, Math.ceil(totalCount / USERS_PAGE_SIZE)),
  };
}

/** One user and their grants; null for an unknown or malformed id. */
export async function getUserWithRoles(userId: string) {
  if (!isIdLike(userId)) return null;
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      communeName: communes.name,
      quartierName: quartiers.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(communes, eq(communes.slug, users.communeSlug))
    .leftJoin(quartiers, eq(quartiers.code, users.quartierCode))
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;
  const [grants, memberships] = await Promise.all([grantsByUser([user.id]), councilsByUser([user.id])]);
  return { ...user, roles: grants.get(user.id) ?? [], councils: memberships.get(user.id) ?? [] };
}

export async function userExists(userId: string) {
  if (!isIdLike(userId)) return false;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row);
}

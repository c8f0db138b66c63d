/**
 * Who may open a council's tracking board (the page, its A4 sheet, its CSV file): its members, and the
 * coordinators and administrators (permission council.act, scoped to the council).
 */
import { json } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { requireUser, type AuthenticatedViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { councils } from "#db/schema/index.ts";
import { COUNCIL_CODE } from "./board.schema.ts";

export type BoardCouncil = { code: string; name: string };

export async function findBoardCouncil(code: string | undefined): Promise<BoardCouncil | null> {
  if (!code || !COUNCIL_CODE.test(code)) return null;
  const [row] = await db.select({ code: councils.code, name: councils.name }).from(councils).where(eq(councils.code, code)).limit(1);
  return row ?? null;
}

/**
 * Guard of the board's three routes: unknown or malformed code → 404, anonymous → sign-in page, anyone
 * who may not act for this council (a member of another one, a resident, an ambassador…) → 403.
 */
export async function requireBoardAccess(request: Request, code: string | undefined): Promise<{ viewer: AuthenticatedViewer; council: BoardCouncil }> {
  const council = await findBoardCouncil(code);
  if (!council) throw new Response(null, { status: 404 });
  const viewer = await requireUser(request);
  if (!can(viewer, "council.act", { councilCode: council.code })) throw json({ reason: "forbidden" }, { status: 403 });
  return { viewer, council };
}

import type { z } from "zod";
import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { users } from "#db/schema/index.ts";
import { checkPlaces } from "./account-queries.server.ts";
import type { ProfileSchema } from "./profile.schema.ts";

export type ProfileInput = z.infer<typeof ProfileSchema>;

export async function updateProfile(userId: string, input: ProfileInput): Promise<{ status: "ok" } | { status: "invalid"; errors: Record<string, string> }> {
  const errors = await checkPlaces(input);
  if (Object.keys(errors).length) return { status: "invalid", errors };
  await db
    .update(users)
    .set({ displayName: input.displayName, communeSlug: input.communeSlug, quartierCode: input.quartierCode, locale: input.locale, updatedAt: new Date() })
    .where(eq(users.id, userId));
  return { status: "ok" };
}

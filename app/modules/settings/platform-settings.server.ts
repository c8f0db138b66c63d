/**
 * Administrator settings outside the referential, each with its type and default. Read per request
 * (one primary-key lookup); written with an audit entry in the same transaction.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { platformSettings } from "#db/schema/index.ts";

export const SETTINGS = {
  /** Different people whose reports hide an item until a moderator decides. */
  "moderation.autoHideThreshold": { schema: z.coerce.number().int().min(1).max(50), default: 3 },
  /** The first proposal of a new account waits for a moderator's approval. */
  "moderation.preModeration": { schema: z.boolean(), default: false },
  /** Droit de suite: days from a proposal's qualification to its public answer (direct or by the COPIL). */
  "governance.answerDeadlineDays": { schema: z.coerce.number().int().min(14).max(730), default: 120 },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

type Executor = Pick<Db, "select" | "insert">;

export async function getSetting<K extends SettingKey>(key: K, executor: Executor = db): Promise<SettingValue<K>> {
  const [row] = await executor.select({ value: platformSettings.value }).from(platformSettings).where(eq(platformSettings.key, key)).limit(1);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>, actorId: string): Promise<void> {
  const parsed = SETTINGS[key].schema.parse(value);
  await db.transaction(async (tx) => {
    const before = await getSetting(key, tx);
    await tx
      .insert(platformSettings)
      .values({ key, value: parsed, updatedById: actorId })
      .onConflictDoUpdate({ target: platformSettings.key, set: { value: parsed, updatedById: actorId, updatedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "setting.update", subjectType: "setting", subjectId: key, changes: { value: { before, after: parsed } } });
  });
}

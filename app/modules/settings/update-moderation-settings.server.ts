import type { z } from "zod";
import type { ModerationSettingsSchema } from "./moderation-settings.schema.ts";
import { getSetting, setSetting } from "./platform-settings.server.ts";

export async function getModerationSettings() {
  const [autoHideThreshold, preModeration] = await Promise.all([getSetting("moderation.autoHideThreshold"), getSetting("moderation.preModeration")]);
  return { autoHideThreshold, preModeration };
}

/** Saves what changed (each change audited by setSetting); tells whether anything did. */
export async function updateModerationSettings(actorId: string, input: z.infer<typeof ModerationSettingsSchema>): Promise<{ status: "ok" | "unchanged" }> {
  const current = await getModerationSettings();
  const preModeration = input.preModeration === "on";
  let changed = false;
  if (current.autoHideThreshold !== input.autoHideThreshold) {
    await setSetting("moderation.autoHideThreshold", input.autoHideThreshold, actorId);
    changed = true;
  }
  if (current.preModeration !== preModeration) {
    await setSetting("moderation.preModeration", preModeration, actorId);
    changed = true;
  }
  return { status: changed ? "ok" : "unchanged" };
}

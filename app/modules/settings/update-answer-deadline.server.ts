import { getSetting, setSetting } from "./platform-settings.server.ts";

/** The droit de suite deadline (days): saved with its audit entry when it changed; tells whether it did. */
export async function updateAnswerDeadline(actorId: string, days: number): Promise<{ status: "ok" | "unchanged" }> {
  if ((await getSetting("governance.answerDeadlineDays")) === days) return { status: "unchanged" };
  await setSetting("governance.answerDeadlineDays", days, actorId);
  return { status: "ok" };
}

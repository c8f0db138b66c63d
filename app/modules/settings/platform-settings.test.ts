import { describe, expect, it } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getSetting, setSetting } from "./platform-settings.server.ts";

describe("platform settings", () => {
  it("gives the default until an administrator sets a value, and audits the change", async () => {
    const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
    expect(await getSetting("moderation.autoHideThreshold")).toBe(3);
    expect(await getSetting("moderation.preModeration")).toBe(false);
    await setSetting("moderation.autoHideThreshold", 5, admin.id);
    await setSetting("moderation.preModeration", true, admin.id);
    expect(await getSetting("moderation.autoHideThreshold")).toBe(5);
    expect(await getSetting("moderation.preModeration")).toBe(true);
    const entries = await db.select().from(auditLog);
    expect(entries.map((e) => [e.subjectId, e.changes])).toEqual(
      expect.arrayContaining([
        ["moderation.autoHideThreshold", { value: { before: 3, after: 5 } }],
        ["moderation.preModeration", { value: { before: false, after: true } }],
      ]),
    );
  });

  it("refuses a value of the wrong type", async () => {
    const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
    await expect(setSetting("moderation.autoHideThreshold", 0, admin.id)).rejects.toThrow();
    expect(await getSetting("moderation.autoHideThreshold")).toBe(3);
  });
});

import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getAnswerCounters } from "#app/modules/governance/answer-counters.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./admin.parametres.tsx";

async function administrator() {
  const admin = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
  return { admin, cookie: await sessionCookieFor(admin.id) };
}

const post = (form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest("/admin/parametres", form, { cookie }))));

describe("/admin/parametres", () => {
  test("shows the settings in force (the defaults at first)", async () => {
    const { cookie } = await administrator();
    const response = await settle(loader(loaderArgs(getRequest("/admin/parametres", { cookie }))));
    expect(await response.json()).toEqual({ title: "Paramètres de modération", defaults: { autoHideThreshold: "3", preModeration: "off", answerDeadlineDays: "120" } });
  });

  test("an administrator changes the threshold and turns pre-moderation on; each change is audited", async () => {
    const { admin, cookie } = await administrator();
    const response = await post({ autoHideThreshold: "5", preModeration: "on", answerDeadlineDays: "120" }, cookie);
    expect(response.headers.get("Location")).toBe("/admin/parametres");
    expect(await flashSetBy(response)).toBe("moderation:settings.saved");
    expect(await getSetting("moderation.autoHideThreshold")).toBe(5);
    expect(await getSetting("moderation.preModeration")).toBe(true);
    const audit = await db.select({ actorId: auditLog.actorId, action: auditLog.action, subjectId: auditLog.subjectId }).from(auditLog);
    expect(audit).toEqual(
      expect.arrayContaining([
        { actorId: admin.id, action: "setting.update", subjectId: "moderation.autoHideThreshold" },
        { actorId: admin.id, action: "setting.update", subjectId: "moderation.preModeration" },
      ]),
    );
    // The same values again: nothing written, and the administrator is told so.
    const again = await post({ autoHideThreshold: "5", preModeration: "on", answerDeadlineDays: "120" }, cookie);
    expect(await flashSetBy(again)).toBe("moderation:settings.unchanged");
    expect(await db.select().from(auditLog)).toHaveLength(2);
  });

  test("a threshold out of bounds or not a number: 400, by its field, what was typed kept", async () => {
    const { cookie } = await administrator();
    for (const value of ["0", "51", "2.5", "trois", ""]) {
      const response = await post({ autoHideThreshold: value, preModeration: "off", answerDeadlineDays: "120" }, cookie);
      expect(response.status, value).toBe(400);
      const body = await response.json();
      expect(body.errors, value).toEqual({ autoHideThreshold: "moderation:settings.thresholdInvalid" });
      expect(body.values.autoHideThreshold).toBe(value);
    }
    expect(await getSetting("moderation.autoHideThreshold")).toBe(3);
  });

  test("an administrator sets the droit de suite deadline; it is audited and the counters use it", async () => {
    const { admin, cookie } = await administrator();
    const response = await post({ autoHideThreshold: "3", preModeration: "off", answerDeadlineDays: "90" }, cookie);
    expect(response.headers.get("Location")).toBe("/admin/parametres");
    expect(await flashSetBy(response)).toBe("moderation:settings.saved");
    expect(await getSetting("governance.answerDeadlineDays")).toBe(90);
    const audit = await db.select({ actorId: auditLog.actorId, action: auditLog.action, subjectId: auditLog.subjectId, changes: auditLog.changes }).from(auditLog);
    expect(audit).toEqual([{ actorId: admin.id, action: "setting.update", subjectId: "governance.answerDeadlineDays", changes: { value: { before: 120, after: 90 } } }]);
    const page = await (await settle(loader(loaderArgs(getRequest("/admin/parametres", { cookie }))))).json();
    expect(page.defaults.answerDeadlineDays).toBe("90");
    expect((await getAnswerCounters({ kind: "territory" })).deadlineDays).toBe(90);
  });

  test("a deadline out of 14–730 days or not a whole number: 400 on its field, what was typed kept, nothing saved", async () => {
    const { cookie } = await administrator();
    for (const value of ["13", "731", "0", "-30", "45.5", "quatre-vingt-dix", ""]) {
      const response = await post({ autoHideThreshold: "3", preModeration: "off", answerDeadlineDays: value }, cookie);
      expect(response.status, value).toBe(400);
      const body = await response.json();
      expect(body.errors, value).toEqual({ answerDeadlineDays: "instances:settings.deadlineInvalid" });
      expect(body.values.answerDeadlineDays).toBe(value);
    }
    // The bounds themselves are accepted.
    for (const value of ["14", "730"]) expect((await post({ autoHideThreshold: "3", preModeration: "off", answerDeadlineDays: value }, cookie)).status, value).toBe(302);
    expect(await getSetting("governance.answerDeadlineDays")).toBe(730);
    expect(await db.select().from(auditLog)).toHaveLength(2);
  });
});

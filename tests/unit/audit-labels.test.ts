/**
 * /admin/journal shows a label, in French and in English, for every action, subject type and hiding reason
 * the code writes in the audit log (issue 14: it showed `labo.publish_minutes`, `labo_session`, `harassment`).
 * The actions and subject types are read from the code itself, so a new one without its label fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { auditKey } from "#app/components/audit/audit-labels.ts";
import { MODERATION_DECISION_AUDITS } from "#app/modules/moderation/decide-case.server.ts";
import { REASONS, SUBJECT_TYPES } from "#app/modules/moderation/moderation.schema.ts";

type Labels = { actions: Record<string, string>; subjects: Record<string, string>; reasons: Record<string, string> };
const labels = (lng: string) => (JSON.parse(readFileSync(`app/locales/${lng}/admin.json`, "utf8")) as { audit: Labels }).audit;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = sourceFiles("app").map((file) => readFileSync(file, "utf8"));
const literals = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** `action: "x.y"` (and its ternaries), a step's `audit: "x.y"`, `…_ACTION = "x.y"`, and the moderators' decisions. */
const actions = new Set([
  ...sources.flatMap((text) => literals(text, /\b(?:action|audit):\s*([^,}\n]+)/g).flatMap((expression) => literals(expression, /"([a-z_]+\.[a-z_]+)"/g))),
  ...sources.flatMap((text) => literals(text, /_ACTION\s*=\s*"([a-z_]+\.[a-z_]+)"/g)),
  ...MODERATION_DECISION_AUDITS.map((decision) => `moderation.${decision}`),
]);
/** `subjectType: "x"`, and the subjects whose type is a variable: moderated content. */
const subjectTypes = new Set([...sources.flatMap((text) => literals(text, /\bsubjectType:\s*"([a-z_]+)"/g)), ...SUBJECT_TYPES]);

describe("audit log labels", () => {
  test("the code's audit writes are found (the scan itself works)", () => {
    for (const action of ["referential.update", "role.grant", "labo.publish_minutes", "labo_session.create", "labo_session.announce", "moderation.hide", "moderation.auto_hide", "setting.update"]) {
      expect(actions, action).toContain(action);
    }
    for (const subject of ["labo_session", "user", "ambition", "setting", "labo_capture"]) expect(subjectTypes, subject).toContain(subject);
  });

  for (const lng of ["fr", "en"]) {
    test(`${lng}: every action, subject type and hiding reason has a label`, () => {
      const audit = labels(lng);
      expect([...actions].filter((action) => !audit.actions[auditKey(action)])).toEqual([]);
      expect([...subjectTypes].filter((subject) => !audit.subjects[auditKey(subject)])).toEqual([]);
      expect(REASONS.filter((reason) => !audit.reasons[reason])).toEqual([]);
    });
  }
});

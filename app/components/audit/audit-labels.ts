/**
 * The words /admin/journal shows for what the code writes in the audit log: each action, subject type and
 * hiding reason has a label (admin.json, audit.*; tests/unit/audit-labels.test.ts checks none is missing),
 * and an unknown one shows its raw name. Pure: given the page's `t` for the admin namespace.
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Dots become underscores: "labo.publish_minutes" → "labo_publish_minutes". */
export const auditKey = (name: string) => name.replaceAll(".", "_");

export function auditLabels(t: Translate) {
  return {
    action: (action: string) => t(`audit.actions.${auditKey(action)}`, { defaultValue: action }),
    subject: (subjectType: string) => t(`audit.subjects.${auditKey(subjectType)}`, { defaultValue: subjectType }),
    /** A hiding's reason is a key (harassment…); any other field's value is shown as it is. */
    changeValue: (field: string, value: string) => (field === "hideReason" ? t(`audit.reasons.${value}`, { defaultValue: value }) : value),
    /** The Labo writes where an idea was noted ("labo_session:<id>"); any other reason is the person's text. */
    reason: (reason: string) => {
      const laboSession = /^labo_session:(.+)$/.exec(reason);
      return laboSession ? t("audit.reasonLaboSession", { id: laboSession[1] }) : reason;
    },
  };
}

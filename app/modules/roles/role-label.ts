import type { TFunction } from "i18next";
import type { Role } from "#db/schema/accounts.ts";

type LabelledGrant = { role: Role; communeName: string | null };

/** A grant in plain words, e.g. "Ambassadeur·rice — Avion" (t is bound to the "admin" namespace). */
export function roleGrantLabel(t: TFunction<"admin">, grant: LabelledGrant) {
  const role = t(`users.roles.${grant.role}`);
  return grant.communeName ? t("users.roleWithScope", { role, scope: grant.communeName }) : role;
}

/** A conseil citoyen membership in plain words, e.g. "Membre de conseil citoyen — Conseil citoyen Cité 12-14". */
export function councilMembershipLabel(t: TFunction<"admin">, membership: { councilName: string }) {
  return t("users.roleWithScope", { role: t("users.roles.council_member"), scope: membership.councilName });
}

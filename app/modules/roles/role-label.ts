import type { TFunction } from "i18next";
import type { Role } from "#db/schema/accounts.ts";

type LabelledGrant = { role: Role; communeName: string | null; quartierName: string | null };

/** A grant in plain words, e.g. "Ambassadeur·rice — Avion" (t is bound to the "admin" namespace). */
export function roleGrantLabel(t: TFunction<"admin">, grant: LabelledGrant) {
  const role = t(`users.roles.${grant.role}`);
  const scope = grant.communeName ?? grant.quartierName;
  return scope ? t("users.roleWithScope", { role, scope }) : role;
}

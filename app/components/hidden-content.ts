const KNOWN_REASONS = ["spam", "harassment", "discrimination", "personal_data", "off_topic", "other"];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Raison : …" under a content hidden by moderation; a generic reason when no case says why. */
export function hiddenReasonText(t: Translate, reason: string | null | undefined): string {
  if (!reason || !KNOWN_REASONS.includes(reason)) return t("moderation:hidden.genericReason");
  return t("moderation:hidden.reason", { reason: t(`moderation:hidden.reasons.${reason}`) });
}

import { useTranslation } from "react-i18next";
import type { ProposalDecision, ProposalStatus } from "#db/schema/proposals.ts";

/** A proposal's status in plain words; a decided one says what was decided. */
export function ProposalStatusBadge({ status, decision }: { status: ProposalStatus; decision: ProposalDecision | null }) {
  const { t } = useTranslation("proposals");
  const label = status === "decided" && decision ? t(`decision.${decision}`) : t(`status.${status}`);
  return <span className={`tag proposal-status proposal-status-${status}`}>{label}</span>;
}

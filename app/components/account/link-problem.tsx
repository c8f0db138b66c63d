import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type LinkProblemKind = "invalid" | "expired" | "used";

/** The status of the page that explains a broken emailed link: unknown → 400; expired or used → 410 Gone. */
export const LINK_PROBLEM_STATUS: Record<LinkProblemKind, number> = { invalid: 400, expired: 410, used: 410 };

/** Why an emailed link did not work, and how to get a new one. */
export function LinkProblem({ problem, children, action }: { problem: LinkProblemKind; children?: ReactNode; action: { to: string; label: string } }) {
  const { t } = useTranslation("auth");
  return (
    <div className="auth-page">
      <h1>{t("linkProblem.title")}</h1>
      <p className="lead">{t(`linkProblem.${problem}`)}</p>
      {children}
      <p>
        <Link to={action.to} className="button">
          {action.label}
        </Link>
      </p>
    </div>
  );
}

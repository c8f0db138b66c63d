import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JsMarker } from "#app/components/js-marker.tsx";
import type { SupportAccess } from "#app/modules/supports/support.schema.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

export type SupportButtonProps = {
  proposalId: string;
  supportCount: number;
  threshold: number;
  access: SupportAccess;
  supported: boolean;
};

/** What the soutien route answers a fetcher: the new state, or the translation key of a refusal. */
type SupportAnswer = { supported: boolean; supportCount: number; qualified: boolean; justQualified: boolean } | { error: string };

/**
 * The support count, its progress towards the ambition's threshold, and the button. With JavaScript the
 * button answers at once (the count moves, the button shows pressed) and goes back if the server refuses,
 * saying why in a live region; without it, it is a plain form post that comes back to the page.
 */
export function SupportButton({ proposalId, supportCount, threshold, access, supported }: SupportButtonProps) {
  const { t } = useTranslation("supports");
  const fetcher = useFetcher<SupportAnswer>();
  const action = `${proposalPath(proposalId)}/soutien`;

  // While a request is under way, show what the person asked for; after it, the page's fresh data (the
  // loaders run again after a successful post) or, on refusal, the unchanged data: that is the rollback.
  const pending = fetcher.formData?.get("intent");
  const shownSupported = pending === "support" ? true : pending === "withdraw" ? false : supported;
  const count = Math.max(0, supportCount + (shownSupported === supported ? 0 : shownSupported ? 1 : -1));
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = answer && "error" in answer ? answer.error : null;
  let feedback = "";
  if (error) feedback = t(error as never);
  else if (answer && "supported" in answer) {
    feedback = !answer.supported ? t("announce.withdrawn") : answer.justQualified ? t("announce.qualified") : t("announce.supported", { count: answer.supportCount });
  }

  const progressId = `support-progress-${proposalId}`;
  const hintId = `support-hint-${proposalId}`;
  const reached = count >= threshold;
  return (
    <div className="support-panel">
      <p id={progressId} className="support-count">
        {reached ? t("support.reached", { count, threshold }) : t("support.progress", { count, threshold })}
      </p>
      <progress className="support-meter" max={threshold} value={Math.min(count, threshold)} aria-labelledby={progressId}>
        {count} / {threshold}
      </progress>

      {access === "support" ? (
        <fetcher.Form method="post" action={action} className="support-form">
          <JsMarker />
          <input type="hidden" name="intent" value={shownSupported ? "withdraw" : "support"} />
          <button type="submit" className="button support-toggle" aria-pressed={shownSupported} aria-describedby={shownSupported ? hintId : undefined}>
            {shownSupported ? <span aria-hidden="true">✓ </span> : null}
            {t("support.button")}
          </button>
          {shownSupported ? (
            <p id={hintId} className="support-note">
              {t("support.supported")} {t("support.withdrawHint")}
            </p>
          ) : null}
        </fetcher.Form>
      ) : (
        <SupportUnavailable access={access} proposalId={proposalId} supported={supported} reached={reached} />
      )}

      {access === "support" && !reached ? <p className="support-hint">{t("support.thresholdHint")}</p> : null}
      <p className={`support-feedback${error ? " support-feedback-error" : ""}`} role="status" aria-live="polite" aria-atomic="true">
        {feedback}
      </p>
    </div>
  );
}

function SupportUnavailable({ access, proposalId, supported, reached }: { access: Exclude<SupportAccess, "support">; proposalId: string; supported: boolean; reached: boolean }) {
  const { t } = useTranslation("supports");
  switch (access) {
    case "sign_in":
      return (
        <p>
          <Link className="button button-secondary" to={`/connexion?${new URLSearchParams({ redirectTo: proposalPath(proposalId) })}`}>
            {t("support.signIn")}
          </Link>
        </p>
      );
    case "verify_email":
      return (
        <p className="support-note">
          {t("support.verifyEmail")} <Link to="/compte">{t("support.verifyEmailLink")}</Link>
        </p>
      );
    case "suspended":
      return <p className="support-note">{t("common:writeBlocked.suspended")}</p>;
    case "charter":
      return (
        <p className="support-note">
          {t("common:writeBlocked.charter")} <Link to={`/charte/accepter?${new URLSearchParams({ redirectTo: `/propositions/${proposalId}` })}`}>{t("common:writeBlocked.charterLink")}</Link>
        </p>
      );
    case "author":
      // Once the threshold is reached, asking the author to gather more supports would contradict the count above.
      return <p className="support-note">{t(reached ? "support.authorReached" : "support.author")}</p>;
    case "closed":
      return <p className="support-note">{supported ? `${t("support.supportedClosed")} ${t("support.closed")}` : t("support.closed")}</p>;
  }
}

import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JsMarker } from "#app/components/js-marker.tsx";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

export type FollowButtonProps = {
  proposalId: string;
  following: boolean;
  /** Signed in, and the proposal may be followed (or is followed, so it can be stopped). */
  canFollow: boolean;
};

type FollowAnswer = { following: boolean } | { error: string };

/** Follow / stop following: updates at once with JavaScript, goes back on refusal; a plain form without. */
export function FollowButton({ proposalId, following, canFollow }: FollowButtonProps) {
  const { t } = useTranslation("supports");
  const fetcher = useFetcher<FollowAnswer>();
  if (!canFollow) return null;

  const pending = fetcher.formData?.get("intent");
  const shownFollowing = pending === "follow" ? true : pending === "unfollow" ? false : following;
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = answer && "error" in answer ? answer.error : null;
  const feedback = error ? t(error as never) : answer && "following" in answer ? t(answer.following ? "announce.followed" : "announce.unfollowed") : "";
  const hintId = `follow-hint-${proposalId}`;

  return (
    <div className="follow-panel">
      <fetcher.Form method="post" action={`${proposalPath(proposalId)}/suivi`} className="support-form">
        <JsMarker />
        <input type="hidden" name="intent" value={shownFollowing ? "unfollow" : "follow"} />
        <button type="submit" className="button button-secondary support-toggle" aria-pressed={shownFollowing} aria-describedby={shownFollowing ? hintId : undefined}>
          {shownFollowing ? <span aria-hidden="true">✓ </span> : null}
          {t("follow.button")}
        </button>
        {shownFollowing ? (
          <p id={hintId} className="support-note">
            {t("follow.following")} {t("follow.unfollowHint")}
          </p>
        ) : null}
      </fetcher.Form>
      <p className={`support-feedback${error ? " support-feedback-error" : ""}`} role="status" aria-live="polite" aria-atomic="true">
        {feedback}
      </p>
    </div>
  );
}

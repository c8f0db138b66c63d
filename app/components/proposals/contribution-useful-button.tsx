import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JsMarker } from "#app/components/js-marker.tsx";
import type { ContributionActionAnswer, ContributionsView } from "#app/modules/contributions/contribution-params.ts";
import { ViewFields } from "./contribution-form.tsx";

/**
 * « Utile (N) »: a toggle button (aria-pressed) for people who may mark it, plain text for the others.
 * With JavaScript the new state shows at once and falls back to the server's if the request fails
 * (the count comes from the revalidated page data, which an error leaves unchanged).
 */
export function UsefulToggle({
  id,
  count,
  marked,
  canMark,
  authorName,
  view,
}: {
  id: string;
  count: number;
  marked: boolean;
  canMark: boolean;
  authorName: string;
  view: ContributionsView;
}) {
  const { t } = useTranslation("contributions");
  if (!canMark) {
    return count > 0 ? <p className="useful-count">{t("useful.count", { count })}</p> : null;
  }
  // Only those who may mark get a fetcher: a long thread read anonymously renders no form machinery.
  return <UsefulForm id={id} count={count} marked={marked} authorName={authorName} view={view} />;
}

function UsefulForm({ id, count, marked, authorName, view }: { id: string; count: number; marked: boolean; authorName: string; view: ContributionsView }) {
  const { t } = useTranslation("contributions");
  const fetcher = useFetcher<ContributionActionAnswer>();
  const pending = fetcher.formData?.get("intent");
  const pressed = pending ? pending === "useful" : marked;
  const shown = count + (pressed === marked ? 0 : pressed ? 1 : -1);
  const failed = fetcher.state === "idle" && fetcher.data?.status === "error" ? fetcher.data.errors.form : undefined;
  return (
    <fetcher.Form method="post" action={`/contributions/${id}`} className="useful-form">
      <JsMarker />
      <ViewFields view={view} />
      <input type="hidden" name="intent" value={pressed ? "unuseful" : "useful"} />
      <button type="submit" className="button button-secondary button-small useful-button" aria-pressed={pressed}>
        {t("useful.button", { count: shown })}
        <span className="visually-hidden">{t("useful.context", { name: authorName })}</span>
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {t(failed as never)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

import { useFetcher } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { JsMarker } from "#app/components/js-marker.tsx";
import { DETAILS_MAX, REASONS, type SUBJECT_TYPES } from "#app/modules/moderation/moderation.schema.ts";

type SubjectType = (typeof SUBJECT_TYPES)[number];

/** What /signalements answers a fetcher: a message to announce (a translation key), or errors. */
export type ReportAnswer = { status: "ok"; message: string } | { status: "error"; errors: Record<string, string>; values: Record<string, string> };

type ReportFieldsProps = {
  subjectType: SubjectType;
  subjectId: string;
  redirectTo: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** Set on a page with one form, so the error summary's links (#reason, #details) reach the fields. */
  plainIds?: boolean;
};

/** The fields of a report: why (required), what happened (optional). Ids are unique per form: a page holds many. */
export function ReportFields({ subjectType, subjectId, redirectTo, errors = {}, values = {}, plainIds = false }: ReportFieldsProps) {
  const { t } = useTranslation("moderation");
  const generated = useId();
  const id = plainIds ? "" : `${generated}-`;
  const detailsId = `${id}details`;
  const radioId = (reason: string, index: number) => (index === 0 ? `${id}reason` : `${id}reason-${reason}`);
  return (
    <>
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <fieldset className={`fieldset choice-group${errors.reason ? " field-invalid" : ""}`} aria-describedby={errors.reason ? `${id}reason-error` : undefined}>
        <legend>{t("report.reasonLegend")}</legend>
        {errors.reason ? (
          <p id={`${id}reason-error`} className="field-error">
            {t(errors.reason as never)}
          </p>
        ) : null}
        {REASONS.map((reason, index) => (
          <div className="choice" key={reason}>
            <input type="radio" id={radioId(reason, index)} name="reason" value={reason} required defaultChecked={values.reason === reason} />
            <label htmlFor={radioId(reason, index)}>{t(`reasons.${reason}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className={`field${errors.details ? " field-invalid" : ""}`}>
        <label htmlFor={detailsId}>
          {t("report.detailsLabel")} ({t("common:forms.optional")})
        </label>
        <p id={`${detailsId}-hint`} className="field-hint">
          {t("report.detailsHint")}
        </p>
        <textarea id={detailsId} name="details" rows={3} maxLength={DETAILS_MAX} defaultValue={values.details} aria-describedby={`${detailsId}-hint`} />
      </div>
    </>
  );
}

/**
 * « Signaler »: a disclosure with a small form. Without JavaScript it posts to /signalements, which
 * comes back here with a confirmation; with it, a fetcher posts and the answer is announced in place.
 */
export function ReportDisclosure({ subjectType, subjectId, redirectTo, summary }: { subjectType: SubjectType; subjectId: string; redirectTo: string; summary: ReactNode }) {
  const { t } = useTranslation("moderation");
  const fetcher = useFetcher<ReportAnswer>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const done = answer?.status === "ok";
  const failed = answer?.status === "error" ? Object.values(answer.errors)[0] : undefined;
  return (
    <details className="report">
      <summary>{summary}</summary>
      <p role="status" className={done ? "report-status notice" : "report-status"}>
        {done ? t(answer.message as never) : null}
      </p>
      {done ? null : (
        <fetcher.Form method="post" action="/signalements" className="form report-form">
          <JsMarker />
          <p className="field-hint">{t("report.intro")}</p>
          <ReportFields subjectType={subjectType} subjectId={subjectId} redirectTo={redirectTo} />
          {failed ? (
            <p className="notice notice-error" role="alert">
              {t(failed as never)}
            </p>
          ) : null}
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {t("report.submit")}
          </button>
        </fetcher.Form>
      )}
    </details>
  );
}

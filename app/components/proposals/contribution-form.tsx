import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Honeypot } from "#app/components/honeypot.tsx";
import { JsMarker } from "#app/components/js-marker.tsx";
import { SORT_PARAM, type ContributionFailure, type ContributionFormId, type ContributionsView, type ReturnedFormState } from "#app/modules/contributions/contribution-params.ts";
import { BODY_MAX, BODY_MIN, EditContributionSchema, NewContributionSchema, STANCES } from "#app/modules/contributions/contribution.schema.ts";
import { useContributionsEvents } from "./contribution-events.tsx";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { numberFormat } from "#app/components/dates.ts";

type Mode =
  | { kind: "new"; proposalId: string }
  | { kind: "reply"; proposalId: string; parentId: string; parentAuthor: string }
  | { kind: "edit"; contributionId: string; body: string; stance: string; isReply: boolean };

/** The hidden fields that bring a person without JavaScript back to the view they were on. */
export function ViewFields({ view }: { view: ContributionsView }) {
  return (
    <>
      {view.sort !== "date" ? <input type="hidden" name="tri" value={SORT_PARAM[view.sort]} /> : null}
      {view.page > 1 ? <input type="hidden" name="page" value={view.page} /> : null}
    </>
  );
}

export function formIdOf(mode: Mode): ContributionFormId {
  return mode.kind === "new" ? "new" : mode.kind === "reply" ? `reply-${mode.parentId}` : `edit-${mode.contributionId}`;
}

/**
 * A new contribution, a reply or an edit. With JavaScript: checked as one types (same zod schema as the
 * server) and sent by a fetcher, so the page stays where it is; the section then announces the result
 * and moves the focus. Without: a plain form post, and the server sends the person back here with the
 * error and their text (contribution-params.ts).
 */
export function ContributionForm({ mode, view, returned, onSaved }: { mode: Mode; view: ContributionsView; returned?: ReturnedFormState | null; onSaved?: () => void }) {
  const { t, i18n } = useTranslation("contributions");
  const fetcher = useFetcher<ContributionFailure | { status: "ok"; id: string; location?: string }>();
  const events = useContributionsEvents();
  const formId = formIdOf(mode);
  const prefix = `cf-${formId}`;
  const withStance = mode.kind === "new" || (mode.kind === "edit" && !mode.isReply);
  const schema = mode.kind === "edit" ? EditContributionSchema : NewContributionSchema;
  const defaults = {
    body: returned?.values.body ?? (mode.kind === "edit" ? mode.body : ""),
    stance: returned?.values.stance ?? (mode.kind === "edit" ? mode.stance : ""),
  };
  const form = useForm<FieldValues>({ resolver: zodResolver(schema), mode: "onTouched", defaultValues: defaults });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const serverErrors = answer?.status === "error" ? answer.errors : !fetcher.data ? (returned?.errors ?? {}) : {};
  const clientErrors = Object.fromEntries(Object.entries(form.formState.errors).map(([key, error]) => [key, typeof error?.message === "string" ? error.message : "contributions:errors.invalidForm"]));
  const errors: Record<string, string | undefined> = { ...serverErrors, ...clientErrors };

  // As soon as the answer is in (the page data may still be reloading): tell the section, which announces
  // it and moves the focus once the data is fresh; or show where the error is.
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    if (fetcher.data.status === "ok") {
      form.reset(mode.kind === "edit" ? form.getValues() : { body: "", stance: "" });
      onSaved?.();
      events.saved({ kind: mode.kind, id: fetcher.data.id, location: fetcher.data.location });
    } else if (fetcher.data.errors.body || fetcher.data.errors.stance) {
      form.setFocus(fetcher.data.errors.body ? "body" : "stance");
    }
  }, [fetcher.data, form, mode.kind, onSaved, events]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    event.preventDefault();
    void form.handleSubmit(() => fetcher.submit(element, { method: "post" }))(event);
  }

  const action = mode.kind === "edit" ? `/contributions/${mode.contributionId}` : `${proposalPath(mode.proposalId)}/contributions`;
  const body = form.watch("body") as string | undefined;
  const length = (body ?? "").replaceAll("\r\n", "\n").trim().length;
  const numbers = numberFormat(i18n.language);
  const bodyLabel = mode.kind === "reply" ? t("form.replyLabel", { name: mode.parentAuthor }) : mode.kind === "edit" ? t("form.editLabel") : t("form.bodyLabel");
  const busy = fetcher.state !== "idle";
  const describedBy = [`${prefix}-body-hint`, errors.body ? `${prefix}-body-error` : null].filter(Boolean).join(" ");

  return (
    <fetcher.Form method="post" action={action} noValidate onSubmit={onSubmit} className="form contribution-form" aria-busy={busy || undefined}>
      <JsMarker />
      <ViewFields view={view} />
      {mode.kind === "edit" ? <input type="hidden" name="intent" value="edit" /> : null}
      {mode.kind === "reply" ? <input type="hidden" name="parentId" value={mode.parentId} /> : null}
      {mode.kind === "edit" ? null : <Honeypot idPrefix={`${prefix}-`} />}
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {t(errors.form as never)}
        </p>
      ) : null}
      {returned?.cut ? <p className="notice notice-warning">{t("form.draftCut")}</p> : null}

      {withStance ? <StanceFieldset prefix={prefix} error={errors.stance} register={form.register} defaultValue={defaults.stance} /> : null}

      <div className={`field${errors.body ? " field-invalid" : ""}`}>
        <label htmlFor={`${prefix}-body`}>{bodyLabel}</label>
        <p id={`${prefix}-body-hint`} className="field-hint">
          {t("form.bodyHint", { min: BODY_MIN, max: numbers.format(BODY_MAX) })}
        </p>
        {errors.body ? (
          <p id={`${prefix}-body-error`} className="field-error">
            <span className="visually-hidden">{t("common:forms.errorPrefix")} </span>
            {t(errors.body as never, { max: numbers.format(BODY_MAX), min: BODY_MIN })}
          </p>
        ) : null}
        <textarea
          id={`${prefix}-body`}
          rows={mode.kind === "new" ? 6 : 4}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy}
          defaultValue={defaults.body}
          {...form.register("body")}
        />
        {hydrated ? <CharacterCount length={length} id={`${prefix}-count`} /> : null}
      </div>

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("form.sending") : mode.kind === "new" ? t("form.submitNew") : mode.kind === "reply" ? t("form.submitReply") : t("form.submitEdit")}
        </button>
      </div>
    </fetcher.Form>
  );
}

function StanceFieldset({ prefix, error, register, defaultValue }: { prefix: string; error?: string; register: ReturnType<typeof useForm>["register"]; defaultValue: string }) {
  const { t } = useTranslation("contributions");
  return (
    <fieldset className={`fieldset stance-choice${error ? " field-invalid" : ""}`} aria-describedby={error ? `${prefix}-stance-error` : `${prefix}-stance-hint`}>
      <legend>{t("form.stanceLegend")}</legend>
      <p id={`${prefix}-stance-hint`} className="field-hint">
        {t("form.stanceHint")}
      </p>
      {error ? (
        <p id={`${prefix}-stance-error`} className="field-error">
          <span className="visually-hidden">{t("common:forms.errorPrefix")} </span>
          {t(error as never)}
        </p>
      ) : null}
      <div className="stance-options">
        {(["", ...STANCES] as const).map((value) => (
          <div className="radio" key={value || "none"}>
            <input type="radio" id={`${prefix}-stance-${value || "none"}`} value={value} defaultChecked={defaultValue === value} {...register("stance")} />
            <label htmlFor={`${prefix}-stance-${value || "none"}`}>{value ? t(`stance.${value}`) : t("stance.none")}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * How much is left, shown as one types. Screen readers hear it only once typing pauses (a live region
 * updated on every key would talk over the person), as GOV.UK's character count does.
 */
function CharacterCount({ length, id }: { length: number; id: string }) {
  const { t, i18n } = useTranslation("contributions");
  const left = BODY_MAX - length;
  const text = left >= 0 ? t("form.charactersLeft", { count: left, formatted: numberFormat(i18n.language).format(left) }) : t("form.charactersOver", { count: -left, formatted: numberFormat(i18n.language).format(-left) });
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(text), 1000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <>
      <p id={id} className={`character-count${left < 0 ? " field-error" : ""}`} aria-hidden="true">
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {length > 0 ? spoken : ""}
      </p>
    </>
  );
}

/**
 * The forms that build a meeting's agenda while it is planned, and the one that publishes its relevé.
 * Each posts to the page's own action with an `intent`; with JavaScript the shared zod schema checks it
 * first, without it the server answers with the same errors and what was typed.
 */
import { Form } from "@remix-run/react";
import type { ChangeEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { AddFollowupSchema, AddFreeSchema, EditItemSchema, ITEM_DETAILS_MAX, ITEM_TITLE_MAX, PublishSchema, SUMMARY_MAX } from "#app/modules/governance/agenda.schema.ts";
import { answerFor, type AgendaActionData, type AgendaItemView, type MinutesSessionView } from "./agenda-types.ts";

/** A refusal that concerns the whole form (409, 404), said where the form is. */
export function FormRefusal({ answer }: { answer: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  if (!answer?.errors.form) return null;
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t(answer.errors.form as never)}</p>
      {answer.titles?.length ? (
        <ul>
          {answer.titles.map((title, i) => (
            <li key={i}>{title}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function AddFollowupForm({ sessions, actionData }: { sessions: MinutesSessionView[]; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "add_followup");
  const form = useValidatedForm(AddFollowupSchema, answer);
  const { register, errors } = form;
  const session = register("laboSessionId");
  if (!sessions.length) return <p>{t("add.noSessions")}</p>;
  // With JavaScript, choosing a session fills the title and details (still editable); without it, empty
  // fields take the session's title and follow-ups on the server.
  function fill(event: ChangeEvent<HTMLSelectElement>) {
    void session.onChange(event);
    const chosen = sessions.find((s) => s.id === event.target.value);
    const formElement = event.target.form;
    if (!chosen || !formElement) return;
    const title = formElement.elements.namedItem("followupTitle") as HTMLInputElement | null;
    const details = formElement.elements.namedItem("followupDetails") as HTMLTextAreaElement | null;
    if (title && !title.value) title.value = chosen.title;
    if (details && !details.value) details.value = chosen.followUps;
  }
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="form" aria-labelledby="add-followup-title">
      <h3 id="add-followup-title">{t("add.followupTitle")}</h3>
      <p className="field-hint">{t("add.followupIntro")}</p>
      <input type="hidden" name="intent" value="add_followup" />
      <ErrorSummary errors={form.summaryErrors} labels={{ laboSessionId: t("add.session"), followupTitle: t("add.title"), followupDetails: t("add.details") }} />
      <FormRefusal answer={answer} />
      <SelectField name="laboSessionId" label={t("add.session")} error={errors.laboSessionId} registration={{ ...session, onChange: (e) => Promise.resolve(fill(e as ChangeEvent<HTMLSelectElement>)) }}>
        <option value="">{t("add.chooseSession")}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextField name="followupTitle" label={`${t("add.title")} (${t("add.optional")})`} hint={t("add.followupTitleHint")} error={errors.followupTitle} registration={register("followupTitle")} maxLength={ITEM_TITLE_MAX} autoComplete="off" />
      <TextAreaField name="followupDetails" label={`${t("add.details")} (${t("add.optional")})`} hint={t("add.followupDetailsHint")} error={errors.followupDetails} registration={register("followupDetails")} maxLength={ITEM_DETAILS_MAX} rows={4} />
      <button type="submit" className="button">
        {t("add.followupSubmit")}
      </button>
    </Form>
  );
}

export function AddFreeForm({ actionData }: { actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "add_free");
  const form = useValidatedForm(AddFreeSchema, answer);
  const { register, errors } = form;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="form" aria-labelledby="add-free-title">
      <h3 id="add-free-title">{t("add.freeTitle")}</h3>
      <input type="hidden" name="intent" value="add_free" />
      <ErrorSummary errors={form.summaryErrors} labels={{ title: t("add.title"), details: t("add.details") }} />
      <FormRefusal answer={answer} />
      <TextField name="title" label={t("add.title")} error={errors.title} registration={register("title")} maxLength={ITEM_TITLE_MAX} autoComplete="off" />
      <TextAreaField name="details" label={`${t("add.details")} (${t("add.optional")})`} hint={t("add.freeDetailsHint")} error={errors.details} registration={register("details")} maxLength={ITEM_DETAILS_MAX} rows={4} />
      <button type="submit" className="button">
        {t("add.freeSubmit")}
      </button>
    </Form>
  );
}

/** Move up / down, reword, take off: the tools of one item while the agenda is being built. */
export function ItemTools({ item, first, last, actionData, canRemoveOnly }: { item: AgendaItemView; first: boolean; last: boolean; actionData: AgendaActionData | undefined; canRemoveOnly?: boolean }) {
  const { t } = useTranslation("copil");
  const moveAnswer = answerFor(actionData, "move", item.id);
  const removeAnswer = answerFor(actionData, "remove", item.id);
  return (
    <div className="agenda-tools">
      {canRemoveOnly ? null : (
        <>
          <Form method="post" className="agenda-move" aria-label={t("tools.moveLabel", { number: item.number })}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" name="direction" value="up" className="button button-secondary button-small" disabled={first}>
              <span aria-hidden="true">↑ </span>
              {t("tools.up")}
              <span className="visually-hidden"> : {item.title}</span>
            </button>
            <button type="submit" name="direction" value="down" className="button button-secondary button-small" disabled={last}>
              <span aria-hidden="true">↓ </span>
              {t("tools.down")}
              <span className="visually-hidden"> : {item.title}</span>
            </button>
          </Form>
          <FormRefusal answer={moveAnswer} />
          <EditItemForm key={`${item.title}\n${item.details}`} item={item} actionData={actionData} />
        </>
      )}
      <details className="form-more" open={removeAnswer ? true : undefined}>
        <summary>
          {t("tools.remove")}
          <span className="visually-hidden"> : {item.title}</span>
        </summary>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="itemId" value={item.id} />
          {item.proposal ? <input type="hidden" name="version" value={item.proposal.version} /> : null}
          <FormRefusal answer={removeAnswer} />
          <p className="field-hint">{item.kind === "proposal" ? t("tools.removeProposalHint") : t("tools.removeHint")}</p>
          <button type="submit" className="button button-danger button-small">
            {t("tools.removeSubmit")}
          </button>
        </Form>
      </details>
    </div>
  );
}

function EditItemForm({ item, actionData }: { item: AgendaItemView; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "edit_item", item.id);
  const form = useValidatedForm(EditItemSchema, answer, { itemId: item.id, title: item.title, details: item.details });
  const { register, errors } = form;
  const prefix = `edit-${item.id}`;
  return (
    <details className="form-more" open={answer ? true : undefined}>
      <summary>
        {t("tools.edit")}
        <span className="visually-hidden"> : {item.title}</span>
      </summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="form">
        <input type="hidden" name="intent" value="edit_item" />
        <input type="hidden" {...register("itemId")} />
        <FormRefusal answer={answer} />
        {item.kind === "proposal" ? (
          <input type="hidden" {...register("title")} />
        ) : (
          <TextField name={`${prefix}-title`} label={t("add.title")} error={errors.title} registration={register("title")} maxLength={ITEM_TITLE_MAX} autoComplete="off" />
        )}
        <TextAreaField
          name={`${prefix}-details`}
          label={item.kind === "proposal" ? t("item.gtpNote") : t("add.details")}
          error={errors.details}
          registration={register("details")}
          maxLength={ITEM_DETAILS_MAX}
          rows={4}
        />
        <button type="submit" className="button button-small">
          {t("tools.editSubmit")}
        </button>
      </Form>
    </details>
  );
}

export function PublishForm({ summary, undecided, actionData }: { summary: string; undecided: number; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "publish");
  const form = useValidatedForm(PublishSchema, answer, { summary });
  const { register, errors } = form;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="form form-wide" aria-labelledby="publish-title">
      <h2 id="publish-title">{t("publish.title")}</h2>
      <p>{t("publish.intro")}</p>
      {undecided > 0 ? <p className="notice notice-warning">{t("publish.undecidedCount", { count: undecided })}</p> : null}
      <input type="hidden" name="intent" value="publish" />
      <ErrorSummary errors={form.summaryErrors} labels={{ summary: t("publish.summary") }} />
      <FormRefusal answer={answer} />
      <TextAreaField name="summary" label={t("publish.summary")} hint={t("publish.summaryHint")} error={errors.summary} registration={register("summary")} maxLength={SUMMARY_MAX} rows={6} />
      <button type="submit" className="button">
        {t("publish.submit")}
      </button>
    </Form>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

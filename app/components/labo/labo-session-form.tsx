import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm, type FormValues, type ServerFormState } from "#app/components/forms.tsx";
import { contentLang } from "#app/components/referential.tsx";
import { atelierField, atelierRowCount, LaboSessionSchema, MAX_ATELIERS } from "#app/modules/labo/labo-session.schema.ts";

export type LaboSessionFormChoices = {
  ambitions: { number: number; title: string }[];
  communes: { slug: string; name: string }[];
  animators: { id: string; displayName: string; coordinator: boolean; communes: string[] }[];
};

/** The names of the fields, for the error summary (each error links to its field). */
function fieldLabels(t: TFunction<"labo">) {
  const labels: Record<string, string> = {
    title: t("form.title"),
    theme: t("form.theme"),
    description: t("form.description"),
    ambitionNumbers: t("form.ambitions"),
    communeSlug: t("form.commune"),
    placeName: t("form.placeName"),
    placeAddress: t("form.placeAddress"),
    accessInfo: t("form.accessInfo"),
    accessibilityInfo: t("form.accessibilityInfo"),
    date: t("form.date"),
    startTime: t("form.startTime"),
    endTime: t("form.endTime"),
    capacity: t("form.capacity"),
    animatorIds: t("form.animators"),
  };
  for (let i = 0; i < MAX_ATELIERS; i++) {
    labels[atelierField(i, "Title")] = t("form.atelierTitle", { number: i + 1 });
    labels[atelierField(i, "Question")] = t("form.atelierQuestion", { number: i + 1 });
    labels[atelierField(i, "Facilitator")] = t("form.atelierFacilitator", { number: i + 1 });
  }
  return labels;
}

function GroupError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error as never)}
    </p>
  );
}

type ActionState = (NonNullable<ServerFormState> & { atelierRows?: number }) | undefined;

/**
 * The session form, for creating and editing. Ateliers are flat rows (atelier0Title…); "add an atelier"
 * adds a row in the page with JavaScript, and without it posts the form, which comes back with one more
 * row and everything typed kept.
 */
export function LaboSessionForm({
  choices,
  defaults,
  actionData,
  locale,
  mode,
}: {
  choices: LaboSessionFormChoices;
  defaults: FormValues;
  actionData: ActionState;
  locale: string;
  mode: { kind: "new" } | { kind: "edit"; draft: boolean };
}) {
  const { t } = useTranslation(["labo", "common"]);
  const form = useValidatedForm(LaboSessionSchema, actionData, defaults);
  const { register, registerChoice, errors } = form;
  const values = { ...defaults, ...actionData?.values };
  const [rows, setRows] = useState(() => Math.max(atelierRowCount(values), actionData?.atelierRows ?? 0));
  const fr = contentLang(locale);
  const optional = ` (${t("form.optional")})`;
  const announceLabel = mode.kind === "edit" && !mode.draft ? t("form.save") : t("form.announce");
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="form form-wide labo-session-form">
      <ErrorSummary errors={form.summaryErrors} labels={fieldLabels(t)} />
      <fieldset className="fieldset">
        <legend>
          <h2>{t("form.aboutTitle")}</h2>
        </legend>
        <TextField name="title" label={t("form.title")} hint={t("form.titleHint")} error={errors.title} registration={register("title")} autoComplete="off" />
        <TextField name="theme" label={t("form.theme") + optional} hint={t("form.themeHint")} error={errors.theme} registration={register("theme")} autoComplete="off" />
        <TextAreaField name="description" label={t("form.description") + optional} hint={t("form.descriptionHint")} error={errors.description} registration={register("description")} rows={4} />
        <fieldset className="fieldset choice-group" aria-describedby={["ambitionNumbers-hint", errors.ambitionNumbers && "ambitionNumbers-error"].filter(Boolean).join(" ")}>
          <legend>{t("form.ambitions") + optional}</legend>
          <p id="ambitionNumbers-hint" className="field-hint">
            {t("form.ambitionsHint")}
          </p>
          <GroupError id="ambitionNumbers-error" error={errors.ambitionNumbers} />
          {choices.ambitions.map((ambition, i) => {
            const id = i === 0 ? "ambitionNumbers" : `ambitionNumbers-${ambition.number}`;
            return (
              <div key={ambition.number} className="choice">
                <input type="checkbox" id={id} {...registerChoice("ambitionNumbers", String(ambition.number))} />
                <label htmlFor={id} lang={fr}>
                  <span className="ambition-number">{ambition.number}</span> {ambition.title}
                </label>
              </div>
            );
          })}
        </fieldset>
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <h2>{t("form.placeTitle")}</h2>
        </legend>
        <SelectField name="communeSlug" label={t("form.commune")} hint={t("form.communeHint")} error={errors.communeSlug} registration={register("communeSlug")}>
          <option value="">{t("form.chooseCommune")}</option>
          {choices.communes.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField name="placeName" label={t("form.placeName")} hint={t("form.placeNameHint")} error={errors.placeName} registration={register("placeName")} autoComplete="off" />
        <TextField name="placeAddress" label={t("form.placeAddress") + optional} error={errors.placeAddress} registration={register("placeAddress")} autoComplete="off" />
        <TextAreaField name="accessInfo" label={t("form.accessInfo") + optional} hint={t("form.accessInfoHint")} error={errors.accessInfo} registration={register("accessInfo")} rows={2} />
        <TextAreaField
          name="accessibilityInfo"
          label={t("form.accessibilityInfo") + optional}
          hint={t("form.accessibilityInfoHint")}
          error={errors.accessibilityInfo}
          registration={register("accessibilityInfo")}
          rows={2}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <h2>{t("form.whenTitle")}</h2>
        </legend>
        <p className="field-hint">{t("form.whenHint")}</p>
        <div className="field-row">
          <TextField name="date" type="date" label={t("form.date")} error={errors.date} registration={register("date")} />
          <TextField name="startTime" type="time" label={t("form.startTime")} error={errors.startTime} registration={register("startTime")} />
          <TextField name="endTime" type="time" label={t("form.endTime")} error={errors.endTime} registration={register("endTime")} />
        </div>
        <TextField
          name="capacity"
          inputMode="numeric"
          className="input-short"
          label={t("form.capacity")}
          hint={t("form.capacityHint")}
          error={errors.capacity}
          registration={register("capacity")}
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="fieldset choice-group" aria-describedby={["animatorIds-hint", errors.animatorIds && "animatorIds-error"].filter(Boolean).join(" ")}>
        <legend>
          <h2>{t("form.animators")}</h2>
        </legend>
        <p id="animatorIds-hint" className="field-hint">
          {t("form.animatorsHint")}
        </p>
        <GroupError id="animatorIds-error" error={errors.animatorIds} />
        {choices.animators.length === 0 ? <p>{t("form.noAnimators")}</p> : null}
        {choices.animators.map((person, i) => {
          const id = i === 0 ? "animatorIds" : `animatorIds-${person.id}`;
          const roles = [person.communes.length ? t("form.animatorCommunes", { communes: person.communes.join(", ") }) : null, person.coordinator ? t("form.animatorCoordinator") : null]
            .filter(Boolean)
            .join(", ");
          return (
            <div key={person.id} className="choice">
              <input type="checkbox" id={id} {...registerChoice("animatorIds", person.id)} />
              <label htmlFor={id}>
                {person.displayName} <span className="field-hint">({roles})</span>
              </label>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <h2>{t("form.ateliersTitle")}</h2>
        </legend>
        <p className="field-hint">{t("form.ateliersHint")}</p>
        <input type="hidden" name="atelierRows" value={rows} />
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="fieldset atelier-row">
            <legend>{t("form.atelierLegend", { number: i + 1 })}</legend>
            <TextField
              name={atelierField(i, "Title")}
              label={t("form.atelierTitle", { number: i + 1 })}
              error={errors[atelierField(i, "Title")]}
              registration={register(atelierField(i, "Title"))}
              autoComplete="off"
            />
            <TextAreaField
              name={atelierField(i, "Question")}
              label={t("form.atelierQuestion", { number: i + 1 })}
              error={errors[atelierField(i, "Question")]}
              registration={register(atelierField(i, "Question"))}
              rows={2}
            />
            <TextField
              name={atelierField(i, "Facilitator")}
              label={t("form.atelierFacilitator", { number: i + 1 }) + optional}
              error={errors[atelierField(i, "Facilitator")]}
              registration={register(atelierField(i, "Facilitator"))}
              autoComplete="off"
            />
          </fieldset>
        ))}
        {rows < MAX_ATELIERS ? (
          <button
            type="submit"
            name="intent"
            value="addAtelier"
            className="button button-secondary button-small"
            onClick={(event) => {
              // With JavaScript the row is added in the page; without it the server sends the form back.
              event.preventDefault();
              setRows((n) => Math.min(n + 1, MAX_ATELIERS));
            }}
          >
            {t("form.addAtelier")}
          </button>
        ) : null}
      </fieldset>

      <p id="buttons-hint" className="field-hint">
        {t("form.buttonsHint")}
      </p>
      <div className="form-actions">
        <button type="submit" name="intent" value="announce" className="button" aria-describedby="buttons-hint">
          {announceLabel}
        </button>
        {mode.kind === "new" || mode.draft ? (
          <button type="submit" name="intent" value="draft" className="button button-secondary" aria-describedby="buttons-hint">
            {t("form.saveDraft")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

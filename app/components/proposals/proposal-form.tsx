import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField, TextField, type ChoiceRegister, type FieldRegister, type FormValues } from "#app/components/forms.tsx";
import { contentLang } from "#app/components/referential.tsx";

export type ProposalFormChoices = {
  piliers: { number: number; shortTitle: string; ambitions: { number: number; title: string; summary: string }[] }[];
  axes: { key: string; title: string; summary: string }[];
  communes: { slug: string; name: string }[];
  quartiers: { code: string; name: string; communes: string[] }[];
};

type FormBindings = { register: FieldRegister; registerChoice: ChoiceRegister; errors: Record<string, string> };

/** The names of the fields, for the error summary (each error links to its field). */
export function proposalFieldLabels(t: TFunction<"proposals">) {
  return {
    title: t("fields.title"),
    body: t("fields.body"),
    ambitionNumber: t("fields.ambitionShort"),
    quartierCode: t("fields.quartier"),
    communeSlug: t("fields.commune"),
    placeDescription: t("fields.place"),
    secondaryAmbitions: t("fields.secondaryAmbitions"),
    axes: t("fields.axes"),
  };
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error as never)}
    </p>
  );
}

/**
 * The fields of a proposal, shared by "propose an idea" and "edit my proposal". The first input of each
 * group carries the group's name as id, so the error summary's links land on it.
 */
export function ProposalFields({ choices, form, values, locale }: { choices: ProposalFormChoices; form: FormBindings; values: FormValues; locale: string }) {
  const { t } = useTranslation(["proposals", "common"]);
  const { register, registerChoice, errors } = form;
  const fr = contentLang(locale);
  const optional = ` (${t("common:forms.optional")})`;
  const listed = (name: string) => (Array.isArray(values[name]) ? values[name].length > 0 : Boolean(values[name]));
  const moreOpen = Boolean(errors.secondaryAmbitions || errors.axes || listed("secondaryAmbitions") || listed("axes"));
  const allAmbitions = choices.piliers.flatMap((p) => p.ambitions);
  return (
    <>
      <TextField name="title" label={t("fields.title")} hint={t("fields.titleHint")} error={errors.title} registration={register("title")} autoComplete="off" />
      <TextAreaField name="body" label={t("fields.body")} hint={t("fields.bodyHint")} error={errors.body} registration={register("body")} rows={10} />

      <fieldset className="fieldset choice-group" aria-describedby={describedBy("ambitionNumber-hint", errors.ambitionNumber && "ambitionNumber-error")}>
        <legend>{t("fields.ambition")}</legend>
        <p id="ambitionNumber-hint" className="field-hint">
          {t("fields.ambitionHint")}
        </p>
        <FieldError id="ambitionNumber-error" error={errors.ambitionNumber} />
        {choices.piliers.map((pilier, p) => (
          <fieldset key={pilier.number} className="fieldset pilier-choices">
            <legend className="pilier-legend">
              {t("fields.pilier", { number: pilier.number })} <span lang={fr}>{pilier.shortTitle}</span>
            </legend>
            {pilier.ambitions.map((ambition, a) => {
              const id = p === 0 && a === 0 ? "ambitionNumber" : `ambitionNumber-${ambition.number}`;
              return (
                <div key={ambition.number} className="choice">
                  <input
                    type="radio"
                    id={id}
                    aria-describedby={ambition.summary ? `ambition-${ambition.number}-summary` : undefined}
                    {...registerChoice("ambitionNumber", String(ambition.number))}
                  />
                  <div>
                    <label htmlFor={id} lang={fr}>
                      <span className="ambition-number">{ambition.number}</span> {ambition.title}
                    </label>
                    {ambition.summary ? (
                      <p id={`ambition-${ambition.number}-summary`} className="choice-hint" lang={fr}>
                        {ambition.summary}
                      </p>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t("fields.placeTitle")}</legend>
        <p className="field-hint">{t("fields.placeHint")}</p>
        <SelectField name="quartierCode" label={t("fields.quartier")} error={errors.quartierCode} registration={register("quartierCode")}>
          <option value="">{t("fields.noChoice")}</option>
          {choices.quartiers.map((q) => (
            <option key={q.code} value={q.code}>
              {q.communes.length ? `${q.name} (${q.communes.join(", ")})` : q.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="communeSlug" label={t("fields.commune")} error={errors.communeSlug} registration={register("communeSlug")}>
          <option value="">{t("fields.noChoice")}</option>
          {choices.communes.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="placeDescription"
          label={t("fields.place") + optional}
          hint={t("fields.placeDescriptionHint")}
          error={errors.placeDescription}
          registration={register("placeDescription")}
          autoComplete="off"
        />
      </fieldset>

      <details className="form-more" open={moreOpen || undefined}>
        <summary>{t("fields.more") + optional}</summary>
        <fieldset className="fieldset" aria-describedby={describedBy("secondaryAmbitions-hint", errors.secondaryAmbitions && "secondaryAmbitions-error")}>
          <legend>{t("fields.secondaryAmbitions")}</legend>
          <p id="secondaryAmbitions-hint" className="field-hint">
            {t("fields.secondaryAmbitionsHint")}
          </p>
          <FieldError id="secondaryAmbitions-error" error={errors.secondaryAmbitions} />
          {allAmbitions.map((ambition, i) => {
            const id = i === 0 ? "secondaryAmbitions" : `secondaryAmbitions-${ambition.number}`;
            return (
              <div key={ambition.number} className="checkbox">
                <input type="checkbox" id={id} aria-invalid={errors.secondaryAmbitions ? true : undefined} {...registerChoice("secondaryAmbitions", String(ambition.number))} />
                <label htmlFor={id} lang={fr}>
                  <span className="ambition-number">{ambition.number}</span> {ambition.title}
                </label>
              </div>
            );
          })}
        </fieldset>
        <fieldset className="fieldset" aria-describedby={describedBy("axes-hint", errors.axes && "axes-error")}>
          <legend>{t("fields.axes")}</legend>
          <p id="axes-hint" className="field-hint">
            {t("fields.axesHint")}
          </p>
          <FieldError id="axes-error" error={errors.axes} />
          {choices.axes.map((axis, i) => {
            const id = i === 0 ? "axes" : `axes-${axis.key}`;
            return (
              <div key={axis.key} className="checkbox">
                <input type="checkbox" id={id} aria-describedby={axis.summary ? `axis-${axis.key}-summary` : undefined} {...registerChoice("axes", axis.key)} />
                <div>
                  <label htmlFor={id} lang={fr}>
                    {axis.title}
                  </label>
                  {axis.summary ? (
                    <p id={`axis-${axis.key}-summary`} className="choice-hint" lang={fr}>
                      {axis.summary}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </fieldset>
      </details>
    </>
  );
}

import { useTranslation } from "react-i18next";
import { SelectField, type FieldRegister } from "#app/components/forms.tsx";

export type PlaceChoices = { communes: { slug: string; name: string }[]; quartiers: { code: string; name: string; communes: string[] }[] };

/** Commune, quartier and preferred language: the same three choices at sign-up and on the profile page. */
export function ProfileChoiceFields({
  communes,
  quartiers,
  register,
  errors,
  values,
  labels,
}: PlaceChoices & { register: FieldRegister; errors: Record<string, string>; values: Record<string, string | undefined>; labels: Record<"communeSlug" | "quartierCode" | "locale", string> }) {
  const { t } = useTranslation("auth");
  return (
    <>
      <SelectField name="communeSlug" label={labels.communeSlug} hint={t("signUp.communeHint")} error={errors.communeSlug} registration={register("communeSlug")} defaultValue={values.communeSlug ?? ""}>
        <option value="">{t("fields.noChoice")}</option>
        {communes.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="quartierCode" label={labels.quartierCode} hint={t("signUp.quartierHint")} error={errors.quartierCode} registration={register("quartierCode")} defaultValue={values.quartierCode ?? ""}>
        <option value="">{t("fields.noChoice")}</option>
        {quartiers.map((q) => (
          <option key={q.code} value={q.code}>
            {q.communes.length ? `${q.name} (${q.communes.join(", ")})` : q.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="locale" label={labels.locale} hint={t("signUp.localeHint")} error={errors.locale} registration={register("locale")} defaultValue={values.locale}>
        <option value="fr" lang="fr">
          {t("languages.fr")}
        </option>
        <option value="en" lang="en">
          {t("languages.en")}
        </option>
      </SelectField>
    </>
  );
}

import { useTranslation } from "react-i18next";
import { REASONS } from "#app/modules/moderation/moderation.schema.ts";

/** The reasons of the charter as the options of a select, after its empty first choice. */
export function ReasonOptions() {
  const { t } = useTranslation("moderation");
  return (
    <>
      {REASONS.map((reason) => (
        <option key={reason} value={reason}>
          {t(`reasons.${reason}`)}
        </option>
      ))}
    </>
  );
}

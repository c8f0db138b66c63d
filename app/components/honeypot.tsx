import { useTranslation } from "react-i18next";
import { HONEYPOT_FIELD } from "#app/modules/forms/honeypot.ts";

/** The honeypot field (app/modules/forms/honeypot.ts): off-screen, hidden from assistive technologies; only bots fill it in. */
export function Honeypot({ idPrefix = "" }: { idPrefix?: string }) {
  const { t } = useTranslation("common");
  const id = `${idPrefix}${HONEYPOT_FIELD}`;
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>{t("forms.honeypot")}</label>
      <input id={id} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

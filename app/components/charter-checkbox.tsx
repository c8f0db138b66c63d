import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

/**
 * "J'accepte la charte" with a link to read it, used by sign-up and by /charte/accepter. The name is
 * `charter`, its value "accepted" (the schemas require exactly that).
 */
export function CharterCheckbox({
  error,
  registration,
  label,
}: {
  error?: string;
  registration: UseFormRegisterReturn & { value: string; defaultChecked: boolean };
  label?: string;
}) {
  const { t } = useTranslation(["charter", "common"]);
  const describedBy = ["charter-link", error ? "charter-error" : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      {error ? (
        <p id="charter-error" className="field-error">
          <span className="visually-hidden">{t("common:forms.errorPrefix")} </span>
          {t(error as never)}
        </p>
      ) : null}
      <div className="checkbox">
        <input type="checkbox" id="charter" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registration} />
        <label htmlFor="charter">{label ?? t("signUp.checkbox")}</label>
      </div>
      <p id="charter-link" className="field-hint">
        <a href="/charte" target="_blank" rel="noopener">
          {t("signUp.link")}
        </a>
      </p>
    </div>
  );
}

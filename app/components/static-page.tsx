import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A translation key that holds an array (sentences or table rows); empty if the key is missing. */
export function translatedList<T = string>(t: TFunction<"pages">, key: string): T[] {
  const value = t(key, { returnObjects: true }) as unknown;
  return (Array.isArray(value) ? value : []) as T[];
}

/** A titled section of a long text page; the id makes each section linkable. */
export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="page-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A bulleted list of translated sentences. */
export function TextList({ items }: { items: string[] }) {
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** How to reach the Labo team, shared by the accessibility statement and the privacy notice. */
export function ContactDetails() {
  const { t } = useTranslation("pages");
  return (
    <ul className="plain-list">
      <li>
        {t("contact.postalLabel")} <address className="inline-address">{t("contact.postal")}</address>
      </li>
      <li>{t("contact.inPerson")}</li>
    </ul>
  );
}

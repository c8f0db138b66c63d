import { Paragraph, type EmailT } from "./email-layout.tsx";

/** What every Labo email repeats about the session: when, where, how to get there. */
export type LaboSessionEmailData = { displayName: string | null; title: string; when: string; place: string; access: string | null; sessionUrl: string };

export function LaboGreeting({ t, displayName }: { t: EmailT; displayName: string | null }) {
  return <Paragraph>{displayName ? t("layout.greeting", { name: displayName }) : t("laboDetails.greeting")}</Paragraph>;
}

export function LaboSessionDetails({ t, title, when, place, access }: { t: EmailT } & Pick<LaboSessionEmailData, "title" | "when" | "place" | "access">) {
  return (
    <>
      <Paragraph>
        <strong>{title}</strong>
      </Paragraph>
      <Paragraph>{t("laboDetails.when", { when })}</Paragraph>
      <Paragraph>{t("laboDetails.where", { place })}</Paragraph>
      {access ? <Paragraph>{t("laboDetails.access", { access })}</Paragraph> : null}
    </>
  );
}

import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

/** The translator a template receives: already bound to the recipient's language and the `emails` namespace. */
export type EmailT = (key: string, options?: Record<string, unknown>) => string;

/** What every template receives besides its own data. */
export type EmailBase = { t: EmailT; lang: string };

// Inline styles only: many mail clients ignore <style>. Colours match the site and pass AA contrast.
const styles = {
  body: { backgroundColor: "#f7f4ee", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b1f24", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", margin: "0 auto", padding: "24px" },
  brand: { fontSize: "14px", fontWeight: 700, color: "#1d4e89", margin: "0 0 16px" },
  heading: { fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" },
  text: { fontSize: "16px", lineHeight: "1.55", margin: "0 0 14px" },
  button: {
    display: "inline-block",
    backgroundColor: "#1d4e89",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    textDecoration: "none",
    padding: "12px 20px",
    borderRadius: "8px",
  },
  small: { fontSize: "14px", lineHeight: "1.5", color: "#4a5260", margin: "0 0 10px" },
  link: { color: "#1d4e89", wordBreak: "break-all" },
  hr: { borderColor: "#d4d8de", margin: "24px 0 16px" },
} satisfies Record<string, CSSProperties>;

/** The two links at the foot of a notification email: stop this kind of message (no sign-in), or choose what to receive. */
export type UnsubscribeLinks = { unsubscribeUrl: string; preferencesUrl: string };

export function EmailLayout({ t, lang, preview, heading, children, unsubscribe }: EmailBase & { preview: string; heading: string; children: ReactNode; unsubscribe?: UnsubscribeLinks }) {
  return (
    <Html lang={lang} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t("layout.brand")}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.small}>{t("layout.footer")}</Text>
          {unsubscribe ? (
            <Text style={styles.small}>
              <Link href={unsubscribe.unsubscribeUrl} style={styles.link}>
                {t("notification.unsubscribe")}
              </Link>
              {" · "}
              <Link href={unsubscribe.preferencesUrl} style={styles.link}>
                {t("notification.preferences")}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return <Text style={styles.small}>{children}</Text>;
}

/**
 * The main action as a button, then the same address written out: some readers block buttons, and the
 * plain-text version of the message keeps the full link.
 */
export function ActionLink({ t, href, label }: { t: EmailT; href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 20px" }}>
        <Link href={href} style={styles.button}>
          {label}
        </Link>
      </Section>
      {/* The plain-text version already shows the address next to the button label. */}
      <Text style={styles.small} data-skip-in-text="true">
        {t("layout.linkFallback")}
      </Text>
      <Text style={styles.small} data-skip-in-text="true">
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}

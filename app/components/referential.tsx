/**
 * Small pieces shared by the referential pages. Referential content (titles, summaries, roles…) is
 * written in French whatever the interface language: `contentLang` marks it so screen readers switch
 * voice (WCAG 3.1.2).
 */
import { Fragment } from "react";

export function contentLang(locale: string): "fr" | undefined {
  return locale === "fr" ? undefined : "fr";
}

/** Plain text typed by an administrator: blank lines separate paragraphs, single line breaks are kept. Never HTML. */
export function ReferentialText({ text, lang, className }: { text: string; lang?: string; className?: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  if (!blocks.length) return null;
  return (
    <div lang={lang} className={className}>
      {blocks.map((block, i) => (
        <p key={i}>
          {block.split("\n").map((lineText, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {lineText}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

/** A quartier select's options, after its own empty first option (names are referential content). */
export function QuartierOptions({ quartiers, lang }: { quartiers: readonly { code: string; name: string }[]; lang?: string }) {
  return (
    <>
      {quartiers.map((q) => (
        <option key={q.code} value={q.code} lang={lang}>
          {q.name}
        </option>
      ))}
    </>
  );
}

/** A commune select's options, after its own empty first option. */
export function CommuneOptions({ communes, lang }: { communes: readonly { slug: string; name: string }[]; lang?: string }) {
  return (
    <>
      {communes.map((c) => (
        <option key={c.slug} value={c.slug} lang={lang}>
          {c.name}
        </option>
      ))}
    </>
  );
}

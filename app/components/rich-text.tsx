import LinkifyIt from "linkify-it";
import { Fragment, type ReactNode } from "react";

const linkify = new LinkifyIt({ fuzzyEmail: false });

/** Only web links become links; everything else stays text (React escapes it). */
function withLinks(line: string, keyPrefix: string): ReactNode[] {
  // Most lines have no link: the quick pretest spares them the full search.
  if (!linkify.pretest(line)) return [line];
  const matches = linkify.match(line) ?? [];
  const parts: ReactNode[] = [];
  let last = 0;
  matches.forEach((m, i) => {
    if (!/^https?:$/i.test(new URL(m.url).protocol)) return;
    if (m.index > last) parts.push(line.slice(last, m.index));
    parts.push(
      <a key={`${keyPrefix}-${i}`} href={m.url} rel="nofollow ugc noopener noreferrer" target="_blank">
        {m.text}
      </a>,
    );
    last = m.lastIndex;
  });
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

/**
 * What residents write: plain paragraphs (a blank line separates them), line breaks kept, web links
 * clickable. No markup is ever interpreted, so nothing typed can inject HTML.
 */
export function RichText({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = text
    .replaceAll("\r\n", "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="rich-text" lang={lang}>
      {paragraphs.map((paragraph, p) => (
        <p key={p}>
          {paragraph.split("\n").map((line, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {withLinks(line, `${p}-${l}`)}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

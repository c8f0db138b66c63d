import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { RichText } from "./rich-text.tsx";

const html = (text: string) => renderToStaticMarkup(<RichText text={text} />);

test("blank lines make paragraphs and single line breaks are kept", () => {
  expect(html("Un\ndeux\n\nTrois")).toBe('<div class="rich-text"><p>Un<br/>deux</p><p>Trois</p></div>');
});

test("web links become links that do not pass on trust or the page", () => {
  const out = html("Voir https://www.agglo-lenslievin.fr/contrat pour le détail");
  expect(out).toContain('<a href="https://www.agglo-lenslievin.fr/contrat" rel="nofollow ugc noopener noreferrer" target="_blank">https://www.agglo-lenslievin.fr/contrat</a>');
});

test("markup and script URLs stay inert text", () => {
  const out = html('<script>alert(1)</script> <a href="javascript:alert(1)">x</a> javascript:alert(1)');
  expect(out).not.toContain("<script>");
  expect(out).not.toContain('href="javascript');
  expect(out).toContain("&lt;script&gt;");
});

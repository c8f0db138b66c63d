import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { contentLang, ReferentialText } from "./referential.tsx";

describe("ReferentialText", () => {
  test("shows HTML typed by an administrator as text, never as markup", () => {
    const html = renderToStaticMarkup(<ReferentialText text={'<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>'} />);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  test("blank lines make paragraphs and single line breaks are kept", () => {
    expect(renderToStaticMarkup(<ReferentialText text={"Un\ndeux\n\n\nTrois"} lang="fr" />)).toBe('<div lang="fr"><p>Un<br/>deux</p><p>Trois</p></div>');
  });

  test("renders nothing for empty text", () => {
    expect(renderToStaticMarkup(<ReferentialText text={"  \n "} />)).toBe("");
  });
});

test("referential content is marked French only when the interface is not", () => {
  expect(contentLang("fr")).toBeUndefined();
  expect(contentLang("en")).toBe("fr");
});

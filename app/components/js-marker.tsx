import { useEffect, useState } from "react";

/**
 * A hidden field present only once the page runs JavaScript. An action that finds `_js=1` answers with
 * data for a fetcher; without it (a plain form post) it redirects back to the page, so the same form
 * works with and without JavaScript.
 */
export function JsMarker() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <input type="hidden" name="_js" value="1" /> : null;
}

export function submittedWithJs(form: FormData) {
  return form.get("_js") === "1";
}

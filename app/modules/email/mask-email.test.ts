import { describe, expect, test } from "vitest";
import { maskAddresses, maskEmail } from "./mask-email.ts";

describe("masking addresses", () => {
  test("keeps the first character and the domain", () => {
    expect(maskEmail("nadia@example.org")).toBe("n***@example.org");
    expect(maskEmail("élise.martin@liévin.fr")).toBe("é***@liévin.fr");
    expect(maskEmail("not an address")).toBe("***");
  });

  test("masks every address in a provider's error, and nothing else", () => {
    expect(maskAddresses("Invalid `to` field: nadia@example.org. The from address Labo <labo@example.org> is not verified.")).toBe(
      "Invalid `to` field: n***@example.org. The from address Labo <l***@example.org> is not verified.",
    );
    expect(maskAddresses("application_error (500): Internal server error")).toBe("application_error (500): Internal server error");
  });
});

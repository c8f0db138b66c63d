import type { WriteBlock } from "./permissions.ts";

/**
 * The message (translation key) that tells a person why their writing was refused. `unverified` keeps the
 * caller's own wording (each feature already explains how to confirm an address).
 */
export function writeBlockMessage(block: WriteBlock, unverifiedKey: string): string {
  switch (block.reason) {
    case "suspended":
      return "common:writeBlocked.suspended";
    case "charter":
      return "common:writeBlocked.charter";
    case "unverified":
      return unverifiedKey;
  }
}

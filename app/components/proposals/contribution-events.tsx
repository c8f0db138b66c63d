import { createContext, useContext } from "react";

export type SavedEvent = { kind: "new" | "reply" | "edit" | "delete"; id: string; location?: string };

/** What the forms of the thread tell the section once the server has answered (with JavaScript only). */
export type ContributionsEvents = { saved: (event: SavedEvent) => void };

export const ContributionsEventsContext = createContext<ContributionsEvents>({ saved: () => {} });

export function useContributionsEvents() {
  return useContext(ContributionsEventsContext);
}

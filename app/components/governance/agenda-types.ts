/** What the agenda page's loader gives its components (dates already formatted on the server). */
import type { AgendaIntent } from "#app/modules/governance/agenda.schema.ts";

export type MeetingStatusView = "planned" | "held" | "published";
export type DecisionView = "retained" | "partly_retained" | "not_retained" | "postponed";

export type MeetingView = {
  id: string;
  bodyKey: string;
  bodyName: string;
  title: string;
  date: string;
  place: string;
  status: MeetingStatusView;
  summary: string;
  published: string | null;
};

export type AgendaItemView = {
  id: string;
  number: number;
  kind: "proposal" | "labo_followup" | "free";
  title: string;
  details: string;
  decision: DecisionView | null;
  publicReasons: string | null;
  decided: string | null;
  decidedByName: string | null;
  proposal: {
    id: string;
    status: string;
    version: number;
    hidden: boolean;
    supportCount: number;
    ambitionNumber: number;
    ambitionTitle: string | null;
    quartierName: string | null;
    partnerName: string | null;
    publicAnalysis: string | null;
  } | null;
  laboSessionId: string | null;
  corrections: { id: string; text: string; when: string; actorName: string | null }[];
};

export type MinutesSessionView = { id: string; label: string; title: string; followUps: string };

/** The action's answer to a refused form: which form (intent, and item), its errors, what was typed. */
export type AgendaActionData = {
  intent: AgendaIntent | null;
  itemId?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  /** Items named by a refusal to publish (undecided, or no longer able to take the step). */
  titles?: string[];
};

export function answerFor(actionData: AgendaActionData | undefined, intent: AgendaIntent, itemId?: string) {
  if (!actionData || actionData.intent !== intent) return undefined;
  if (itemId !== undefined && actionData.itemId !== itemId) return undefined;
  return actionData;
}

export * from "./referential.ts";
export * from "./accounts.ts";
export * from "./platform.ts";
export * from "./labo.ts";
export * from "./proposals.ts";
export * from "./moderation.ts";
export * from "./governance.ts";
export * from "./notifications.ts";

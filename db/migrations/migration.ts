export type Migration = {
  /** Applied in order; PRAGMA user_version holds the last one applied. */
  version: number;
  name: string;
  sql: string;
};

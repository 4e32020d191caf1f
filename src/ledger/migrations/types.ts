/** One numbered schema change. A store applies each version once and records it in schema_migrations. */
export interface Migration {
  readonly version: number;
  /** kebab-case, for people reading schema_migrations. */
  readonly name: string;
  readonly sql: string;
}

/** A JSON Schema file the emulator package publishes: its name in emulator/schema/ and its text. */
export interface GeneratedSchema {
  file: string;
  text: string;
}
export const schemaFolder: string;
/** The fault rules a file may hold: one rule, a list, or `{ "rules": [...] }`. */
export function faultRulesSchema(): Promise<GeneratedSchema>;
export const generators: (() => Promise<GeneratedSchema>)[];
/** The files in emulator/schema/ that differ from what the generators make now (missing ones included). */
export function staleSchemas(): Promise<string[]>;

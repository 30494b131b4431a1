/**
 * A string as a PostgreSQL literal, for the rare statement that cannot take bound parameters (it is
 * sent with BEGIN in the simple protocol). Quotes are doubled; backslashes are plain characters with
 * standard_conforming_strings on, and an E'' literal makes that explicit whatever the setting.
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('NUL character in SQL literal');
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

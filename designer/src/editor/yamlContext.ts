/** Where the cursor is in YAML text: the path of the mapping it is in, and what it is typing. */
export interface YamlContext {
  /** Keys and `*` (a list item) from the document root to the mapping holding the cursor. */
  path: string[];
  /** Typing a key (`true`) or the value of `key` (`false`). */
  atKey: boolean;
  key: string;
  /** The partial word before the cursor. */
  prefix: string;
}

const KEY_LINE = /^(\s*)(?:(-\s+))?([A-Za-z_$][\w$-]*)\s*:(?:\s|$)/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Reads the path at a position from indentation alone, so it works while the text is half typed and
 * does not parse: each less-indented `key:` above is a parent, each `- ` item holding the line is a `*`.
 */
export function yamlContextAt(text: string, offset: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  let indent: number;
  let atKey: boolean;
  let key = '';
  let prefix: string;
  let inItem = false;
  const keyTyping = /^(\s*)(-\s+)?([\w$-]*)$/.exec(before);
  const valueTyping = /^(\s*)(-\s+)?([\w$-]+)\s*:\s*(\S*)$/.exec(before);
  if (keyTyping) {
    indent = keyTyping[1]!.length + (keyTyping[2]?.length ?? 0);
    inItem = keyTyping[2] !== undefined;
    atKey = true;
    prefix = keyTyping[3]!;
  } else if (valueTyping) {
    indent = valueTyping[1]!.length + (valueTyping[2]?.length ?? 0);
    inItem = valueTyping[2] !== undefined;
    atKey = false;
    key = valueTyping[3]!;
    prefix = valueTyping[4]!;
  } else return { path: [], atKey: false, key: '', prefix: '' };
  const path: string[] = inItem ? ['*'] : [];
  let current = inItem ? indent - 2 : indent;
  for (let i = lines.length - 1; i >= 0 && current > 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    const lineIndent = indentOf(line);
    if (match?.[2] !== undefined) {
      // "- key:" opens a list item whose mapping sits at the key's column.
      const keyColumn = lineIndent + match[2].length;
      if (keyColumn === current) {
        path.unshift('*');
        current = lineIndent;
      } else if (lineIndent < current) {
        path.unshift('*');
        current = lineIndent;
      }
      continue;
    }
    if (/^\s*-\s*$/.test(line) || /^\s*-\s+\S/.test(line)) {
      if (lineIndent < current) {
        path.unshift('*');
        current = lineIndent;
      }
      continue;
    }
    if (match && lineIndent < current) {
      path.unshift(match[3]!);
      current = lineIndent;
    }
  }
  return { path, atKey, key, prefix };
}

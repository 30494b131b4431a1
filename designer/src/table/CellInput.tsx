import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  id?: string;
  describedBy?: string;
}

/**
 * A table cell's text: typed freely, written into the YAML when the drafter leaves the cell (or presses
 * Enter in a one-line cell), so each word does not re-write the document.
 */
export function CellInput({ value, label, onCommit, multiline, placeholder, id, describedBy }: Props) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  const commit = () => {
    focused.current = false;
    if (text !== value) onCommit(text);
  };
  const common = {
    id,
    value: text,
    'aria-label': label,
    'aria-describedby': describedBy,
    placeholder,
    onFocus: () => void (focused.current = true),
    onBlur: commit,
  };
  return multiline ? (
    <textarea {...common} rows={2} onChange={(e) => setText(e.target.value)} />
  ) : (
    <input
      {...common}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
          focused.current = true;
        }
      }}
    />
  );
}

import { useRef } from 'react';

/** A fresh random key for one user action (crypto.getRandomValues works on plain-HTTP office networks too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per user action of a form: the same key for every submit of the same content (a double click,
 * a retry after a timeout), a new one as soon as the content changes or the action succeeded.
 */
export function useIdempotencyKey(): { keyFor: (content: unknown) => string; done: () => void } {
  const current = useRef<{ content: string; key: string } | undefined>(undefined);
  return {
    keyFor: (content) => {
      const text = JSON.stringify(content) ?? '';
      if (current.current?.content !== text) current.current = { content: text, key: newIdempotencyKey() };
      return current.current.key;
    },
    done: () => {
      current.current = undefined;
    },
  };
}

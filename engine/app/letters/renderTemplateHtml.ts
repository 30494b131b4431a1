import { renderLetterBody } from '../outputs/renderLetterBody.ts';
import { escapeHtml } from './escapeHtml.ts';

/**
 * Renders a letter template's body with `{{field}}` placeholders as safe HTML: the template text (it
 * comes from a YAML definition) and every value (it comes from a citizen's form) are HTML-escaped, and
 * line breaks become <br>. Escaping the filled text as a whole is the same as escaping each piece,
 * because placeholders contain no character that escaping changes; so the output can never contain
 * markup that neither the template nor the data spelled out as text.
 */
export function renderTemplateHtml(body: string, values: Record<string, unknown>): string {
  return escapeHtml(renderLetterBody(body, values)).replace(/\r?\n/g, '<br>\n');
}

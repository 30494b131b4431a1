import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

// YAML words of the language a drafter does not know, standing alone (not inside a path such as
// `/steps/2/form/$ref`); a named form or template reference keeps its name.
const TERM =
  /(?<=^|[\s`"'(,])(together|decidedBy|anyOf|uiSchema|\$ref|json-rules-engine|(?:regency)?#\/(?:forms|formFragments|letterTemplates)\/[a-z0-9-<>]*)(?=$|[\s`"'),.:;])/;

function termOf(word: string): { term: string; name?: string } {
  const ref = /^(regency)?#\/(forms|formFragments|letterTemplates)\/([a-z0-9-]*)$/.exec(word);
  if (ref) return { term: ref[2] === 'letterTemplates' ? 'templateRef' : 'formRef', name: ref[3] || undefined };
  if (/^(regency)?#\//.test(word)) return { term: word.includes('letterTemplates') ? 'templateRef' : 'formRef' };
  if (word === '$ref') return { term: 'formRef' };
  if (word === 'json-rules-engine') return { term: 'condition' };
  return { term: word };
}

/**
 * A problem message with the language's developer words replaced by their Indonesian label; the help text
 * and the YAML word itself stay in the tooltip, for the drafter who looks at the YAML text.
 */
export function PlainMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  // The split keeps each term at an odd index; the backticks around a term go with it.
  const parts = message.split(new RegExp(TERM.source, 'g'));
  const text = (part: string, i: number) =>
    part.replace(i > 0 ? /^`/ : /^$/, '').replace(i < parts.length - 1 ? /`$/ : /^$/, '');
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return <Fragment key={i}>{text(part, i)}</Fragment>;
        const { term, name } = termOf(part);
        return (
          <abbr key={i} className="term" title={`${t(`designer.terms.${term}.help`)} (YAML: ${part})`}>
            {t(`designer.terms.${term}.label`)}
            {name ? ` “${name}”` : ''}
          </abbr>
        );
      })}
    </>
  );
}

/** An operator Alur adds to json-rules-engine, with labels for explanations. */
export interface CustomOperator {
  name: string;
  label: { id: string; en: string };
  evaluate: (factValue: unknown, compareTo: unknown) => boolean;
}

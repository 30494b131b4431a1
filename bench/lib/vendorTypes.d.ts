// bpmn-moddle ships no types; the benchmark only parses XML with it.
declare module 'bpmn-moddle' {
  /** A parsed BPMN document (opaque to the benchmark). */
  export interface Definitions {
    rootElement: unknown;
  }
  /** Any BPMN model element (opaque to the benchmark). */
  export type BaseElement = Record<string, unknown>;
  /** The BPMN 2.0 meta-model reader. */
  export default class BpmnModdle {
    constructor(options?: Record<string, unknown>);
    fromXML(xml: string): Promise<Definitions>;
  }
}

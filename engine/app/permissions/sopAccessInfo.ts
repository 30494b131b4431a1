/** An SOP of a regency as visibility needs it: unit and confidentiality of the latest version. */
export interface SopAccessInfo {
  sopId: string;
  unit: string | null;
  confidential: boolean;
}

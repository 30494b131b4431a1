/** Something the drafter should check in an imported draft, with where in the source it was read. */
export interface ImportWarning {
  code: 'LANE_NOT_MATCHED' | 'ACTOR_NOT_FOUND' | 'TIME_KEPT_IN_NOTES' | 'TITLE_FROM_REGENCY' | 'DRAFT_INVALID';
  message: string;
  messageEn: string;
  page?: number;
  line?: number;
}

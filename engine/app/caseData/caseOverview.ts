import type { Static } from '@sinclair/typebox';
import type { CaseOverviewSchema } from '../../contracts/caseContracts.ts';
import type { Knex } from 'knex';
import type { CaseState } from '../../core/caseTypes.ts';
import type { RawRegency, SopDefinition } from '../../definition/sopTypes.ts';
import type { RegencyRegions } from '../../regions/regionData.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';
import { caseSections } from './caseSections.ts';
import { outsidePartyOf } from './outsideParty.ts';
import { attachmentsOfCase, openCasesWithNik } from '../../storage/cases/caseOverviewRows.ts';

/** Labels of every document type an SOP can name: its steps' requirements (both sides of "A atau B") and the regency's. */
export function documentLabels(definition: SopDefinition, regency: RawRegency | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  for (const type of [...(regency?.documentTypes ?? []), ...(definition.documents ?? [])])
    labels.set(type.id, type.label);
  for (const step of definition.steps)
    for (const r of step.requirements) for (const side of r.either ?? [r]) labels.set(side.doc, side.label);
  return labels;
}

/** Whether the user works on this case now (holds the role of, or is assigned, one of its open tasks): they see NIK and KK in full. */
export function worksOnCase(state: CaseState, access: AccessProfile): boolean {
  return state.tasks.some(
    (t) =>
      t.status === 'open' &&
      (t.assignee !== undefined ? access.assignees.includes(t.assignee) : access.roles.includes(t.role)),
  );
}

/** Everything the case and task pages show about a case's data, personal numbers masked server-side. */
export async function caseOverview(
  db: Knex,
  input: {
    caseId: string;
    regencyId: string;
    definition: SopDefinition;
    regency: RawRegency | undefined;
    regions: RegencyRegions | undefined;
    state: CaseState;
    access: AccessProfile;
  },
): Promise<Static<typeof CaseOverviewSchema>> {
  const { definition, regency, state, access } = input;
  const reveal = worksOnCase(state, access);
  const labels = documentLabels(definition, regency);
  const stepOf = (id: string) => definition.steps.find((s) => s.id === id);
  const actorName = (id: string) => definition.actors.find((a) => a.id === id)?.name ?? id;
  const attachments = await attachmentsOfCase(db, input.regencyId, input.caseId);
  const nik = typeof state.data.nik === 'string' ? state.data.nik : undefined;
  const duplicates = nik
    ? await openCasesWithNik(db, { regencyId: input.regencyId, sopId: state.sopId, nik, exceptCaseId: input.caseId })
    : [];
  return {
    revealed: reveal,
    sections: caseSections({ definition, regency, state, reveal, regions: input.regions }),
    eligibility: state.eligibility
      ? {
          passed: state.eligibility.passed,
          criteria: state.eligibility.criteria.map((c) => ({
            text: c.text,
            passed: c.outcome.passed,
            explanations: c.outcome.criteria.map((x) => x.explanation),
          })),
        }
      : null,
    documents: attachments.map((a) => ({
      id: a.id,
      doc: a.doc_id,
      label: labels.get(a.doc_id) ?? a.doc_id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: Number(a.size_bytes),
      uploadedAt: new Date(a.uploaded_at).toISOString(),
      preview: a.media_type === 'application/pdf' ? 'pdf' : a.media_type.startsWith('image/') ? 'image' : null,
    })),
    duplicates: duplicates.map((d) => ({
      caseId: d.id,
      trackingCode: d.tracking_code,
      openedAt: new Date(d.opened_at).toISOString(),
    })),
    disagreements: (state.disagreements ?? []).map((d) => ({
      stepId: d.stepId,
      activity: stepOf(d.stepId)?.activity ?? d.stepId,
      at: d.at,
      fields: d.fields.map((f) => {
        const title = stepOf(d.stepId)?.form?.schema.properties[f]?.title;
        return f === 'choice' ? 'Keputusan' : typeof title === 'string' ? title : f;
      }),
    })),
    sentBack: state.sentBack
      ? {
          ...state.sentBack,
          missingLabels: state.sentBack.missing.map((m) => labels.get(m) ?? m),
          toActivity: stepOf(state.sentBack.toStepId)?.activity ?? state.sentBack.toStepId,
        }
      : null,
    // An outside party's step (months in a Panti) is theirs to do: shown as waiting for them.
    waitingFor: state.tasks
      .filter((t) => t.status === 'open' && outsidePartyOf(definition, t, t.returned !== undefined) !== null)
      .map((t) => ({
        taskId: t.id,
        actorName: actorName(t.actorId),
        activity: stepOf(t.stepId)?.activity ?? t.stepId,
      })),
  };
}

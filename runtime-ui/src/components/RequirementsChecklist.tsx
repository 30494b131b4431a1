import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileKind, Requirement } from '../../../engine/definition/sopTypes.ts';
import type { Static } from '@sinclair/typebox';
import { attachmentContracts, type AttachmentSchema } from '../../../engine/contracts/attachmentContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

/** An uploaded scan as the API lists it (the upload's answer has no upload time). */
export type Attachment = Omit<Static<typeof AttachmentSchema>, 'uploadedAt'>;

const MAX_BYTES = 10 * 1024 * 1024;
// What the file picker offers per kind; the server checks the content again.
const PICK: Record<FileKind, string> = {
  pdf: 'application/pdf,.pdf',
  jpeg: 'image/jpeg,.jpg,.jpeg',
  png: 'image/png,.png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx',
};
const DEFAULT_KINDS: FileKind[] = ['pdf', 'jpeg', 'png'];

/** Whether a picked file is of one of the kinds, by its type or, when the browser gives none, its name. */
function accepted(file: File, kinds: readonly FileKind[]): boolean {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return kinds.some((k) => PICK[k].split(',').some((p) => p === file.type || p === `.${extension}`));
}

interface Props {
  caseId: string;
  requirements: Requirement[];
  checklist: Record<string, boolean>;
  attachments: Attachment[];
  onChecklist: (next: Record<string, boolean>) => void;
  onUploaded: (attachment: Attachment) => void;
}

/** The step's document checklist: tick what was received, upload scans (checked before upload, again by the server). */
export function RequirementsChecklist({
  caseId,
  requirements,
  checklist,
  attachments,
  onChecklist,
  onUploaded,
}: Props) {
  const { t } = useTranslation();
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const upload = async (doc: string, file: File, kinds: readonly FileKind[]) => {
    setError(undefined);
    if (!accepted(file, kinds))
      return setError(
        new Error(`${file.name}: ${t('caseData.fileKinds', { kinds: kinds.map((k) => k.toUpperCase()).join(', ') })}`),
      );
    if (file.size > MAX_BYTES) return setError(new Error(`${file.name}: ${t('task.uploadHint')}`));
    try {
      const saved = await call(
        attachmentContracts.upload,
        { params: { caseId }, query: { doc, name: file.name } },
        { raw: file, contentType: file.type || 'application/octet-stream' },
      );
      if (file.type.startsWith('image/')) setPreviews({ ...previews, [saved.id]: URL.createObjectURL(file) });
      onUploaded(saved);
      onChecklist({ ...checklist, [doc]: true });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <ul className="checklist" data-testid="checklist">
        {requirements.map((r) => {
          if (r.kind === 'equipment')
            return (
              <li key={r.doc} className="reminder" data-testid="equipment">
                <span>
                  {t('caseData.equipment')}: {r.label}
                </span>
              </li>
            );
          const sides = r.either ?? [{ doc: r.doc, label: r.label, ...(r.accepts ? { accepts: r.accepts } : {}) }];
          return (
            <li key={r.doc} style={{ flexDirection: 'column', alignItems: 'stretch' }}>
              {r.either && (
                <span>
                  {t('caseData.eitherOf')}{' '}
                  <span className={r.required ? 'badge warn' : 'badge'}>
                    {r.required ? t('task.required') : t('task.optional')}
                  </span>
                </span>
              )}
              {sides.map((side, i) => {
                const kinds = side.accepts ?? DEFAULT_KINDS;
                const files = attachments.filter((a) => a.doc === side.doc);
                return (
                  <div key={side.doc} className="row" style={{ alignItems: 'center' }}>
                    {i > 0 && <span className="muted">{t('caseData.or')}</span>}
                    <label
                      style={{
                        display: 'flex',
                        gap: '.5rem',
                        alignItems: 'center',
                        flex: '1 1 220px',
                        fontWeight: 400,
                      }}
                    >
                      <input
                        type="checkbox"
                        checked={checklist[side.doc] === true}
                        onChange={(e) => onChecklist({ ...checklist, [side.doc]: e.target.checked })}
                      />
                      <span>
                        {side.label}{' '}
                        {!r.either && (
                          <span className={r.required ? 'badge warn' : 'badge'}>
                            {r.required ? t('task.required') : t('task.optional')}
                          </span>
                        )}
                      </span>
                    </label>
                    <label className="button secondary" style={{ fontWeight: 400 }}>
                      {t('task.upload')}
                      <input
                        type="file"
                        accept={kinds.map((k) => PICK[k]).join(',')}
                        style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                        aria-label={`${t('task.upload')}: ${side.label}`}
                        onChange={(e) => {
                          const f = e.target.files?.[0];
                          if (f) void upload(side.doc, f, kinds);
                          e.target.value = '';
                        }}
                      />
                    </label>
                    {files.map((f) => (
                      <a
                        key={f.id}
                        href={fileHref(attachmentContracts.download, { params: { attachmentId: f.id } })}
                        target="_blank"
                        rel="noreferrer"
                        className="badge ok"
                      >
                        {previews[f.id] ? <img className="preview" src={previews[f.id]} alt={f.fileName} /> : null}{' '}
                        {f.fileName}
                      </a>
                    ))}
                  </div>
                );
              })}
            </li>
          );
        })}
      </ul>
      <p className="muted" style={{ fontSize: '.85rem' }}>
        {t('task.uploadHint')}
      </p>
    </>
  );
}

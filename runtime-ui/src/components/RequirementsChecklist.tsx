import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../engine/definition/sopTypes.ts';
import { api } from '../../../ui-shared/api/apiClient.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

/** An uploaded scan as the API lists it. */
export interface Attachment {
  id: string;
  doc: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

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
  const upload = async (doc: string, file: File) => {
    setError(undefined);
    if (!TYPES.includes(file.type)) return setError(new Error(`${file.name}: ${t('task.uploadHint')}`));
    if (file.size > MAX_BYTES) return setError(new Error(`${file.name}: ${t('task.uploadHint')}`));
    try {
      const saved = await api<Attachment>(
        'POST',
        `/api/cases/${caseId}/attachments?doc=${encodeURIComponent(doc)}&name=${encodeURIComponent(file.name)}`,
        undefined,
        { raw: file, contentType: file.type },
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
          const files = attachments.filter((a) => a.doc === r.doc);
          return (
            <li key={r.doc}>
              <label
                style={{ display: 'flex', gap: '.5rem', alignItems: 'center', flex: '1 1 260px', fontWeight: 400 }}
              >
                <input
                  type="checkbox"
                  checked={checklist[r.doc] === true}
                  onChange={(e) => onChecklist({ ...checklist, [r.doc]: e.target.checked })}
                />
                <span>
                  {r.label}{' '}
                  <span className={r.required ? 'badge warn' : 'badge'}>
                    {r.required ? t('task.required') : t('task.optional')}
                  </span>
                </span>
              </label>
              <label className="button secondary" style={{ fontWeight: 400 }}>
                {t('task.upload')}
                <input
                  type="file"
                  accept="image/jpeg,image/png,application/pdf"
                  style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                  aria-label={`${t('task.upload')}: ${r.label}`}
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void upload(r.doc, f);
                    e.target.value = '';
                  }}
                />
              </label>
              {files.map((f) => (
                <a key={f.id} href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer" className="badge ok">
                  {previews[f.id] ? <img className="preview" src={previews[f.id]} alt={f.fileName} /> : null}{' '}
                  {f.fileName}
                </a>
              ))}
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

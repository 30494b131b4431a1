import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentContracts } from '../../../engine/contracts/attachmentContracts.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';

/**
 * An uploaded PDF or image shown inside the app (the page's security policy forbids frames and
 * plugins): images through a blob URL, PDFs drawn page by page on canvases by pdf.js, loaded only here.
 */
export function DocumentPreview({
  attachmentId,
  kind,
  title,
  onClose,
}: {
  attachmentId: string;
  kind: 'pdf' | 'image';
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pages = useRef<HTMLDivElement>(null);
  const [image, setImage] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    const load = async () => {
      const response = await fetch(fileHref(attachmentContracts.download, { params: { attachmentId } }), {
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      const bytes = await response.arrayBuffer();
      if (cancelled) return;
      if (kind === 'image') {
        url = URL.createObjectURL(new Blob([bytes]));
        setImage(url);
        return;
      }
      const pdfjs = await import('pdfjs-dist');
      const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
      const holder = pages.current;
      for (let n = 1; n <= Math.min(pdf.numPages, 20) && holder && !cancelled; n++) {
        const page = await pdf.getPage(n);
        const width = Math.min(holder.clientWidth || 800, 900);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.setAttribute('aria-label', `${title}, ${t('caseData.page')} ${n}`);
        holder.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
    };
    load().catch(() => setFailed(true));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      pages.current?.replaceChildren();
    };
  }, [attachmentId, kind, title, t]);
  return (
    <div className="card preview-panel" role="dialog" aria-label={title} data-testid="document-preview">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <strong style={{ overflowWrap: 'anywhere' }}>{title}</strong>
        <button type="button" className="secondary" onClick={onClose}>
          {t('caseData.closePreview')}
        </button>
      </div>
      {failed && <p className="alert error">{t('caseData.previewFailed')}</p>}
      {image && <img src={image} alt={title} style={{ maxWidth: '100%', height: 'auto' }} />}
      <div ref={pages} className="pdf-pages" />
    </div>
  );
}

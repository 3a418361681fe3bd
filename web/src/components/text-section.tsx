import type { ReactNode } from 'react';
import { ReadableText } from './readable-text.js';

/**
 * A long text the user gave (posting, resume, company notes), in a section
 * that can be folded away. `actions` (an Edit button) sit beside the title,
 * outside the fold, so they work whether the text is open or not.
 */
export function TextSection({
  title,
  text,
  openInitially = false,
  caption,
  actions,
}: {
  title: string;
  text: string;
  openInitially?: boolean;
  caption?: string | undefined;
  actions?: ReactNode;
}) {
  const lineCount = text.split('\n').length;
  return (
    <div className={actions ? 'text-section-frame card' : 'text-section-frame'}>
      <details
        className={actions ? 'text-section text-section-with-actions' : 'text-section card'}
        open={openInitially}
      >
        <summary>
          <h2 className="text-section-title">{title}</h2>
          <span className="muted text-section-size">
            {lineCount === 1 ? '1 line' : `${lineCount} lines`}
          </span>
        </summary>
        {caption ? <p className="text-section-caption">{caption}</p> : null}
        <div className="text-section-body">
          <ReadableText text={text} />
        </div>
      </details>
      {actions ? <div className="text-section-actions">{actions}</div> : null}
    </div>
  );
}

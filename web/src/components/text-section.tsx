import { ReadableText } from './readable-text.js';

/**
 * A long text the user gave (posting, resume, company notes), in a section
 * that can be folded away.
 */
export function TextSection({
  title,
  text,
  openInitially = false,
  caption,
}: {
  title: string;
  text: string;
  openInitially?: boolean;
  caption?: string | undefined;
}) {
  const lineCount = text.split('\n').length;
  return (
    <details className="text-section card" open={openInitially}>
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
  );
}

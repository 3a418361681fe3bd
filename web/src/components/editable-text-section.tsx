import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError, ingestFile } from '../api.js';
import { FormField } from './form-field.js';
import { TextSection } from './text-section.js';

/** What became of a save: saved, or a sentence about why not (the draft is kept). */
export type TextSaveResult = { saved: true } | { saved: false; message: string };

/** File types the server can read into text. */
const acceptedFiles = '.pdf,.docx,.md,.markdown,.txt,.html,.htm';

/**
 * A text of the application (posting, resume, company notes): shown folded
 * with an Edit button; editing turns it into a labelled textarea with Save and
 * Cancel, and a file control that reads a PDF, DOCX, Markdown, text or HTML
 * file into the textarea for the user to check before saving.
 */
export function EditableTextSection({
  id,
  title,
  noun,
  text,
  openInitially = false,
  caption,
  emptyText,
  onSave,
}: {
  /** A stable name for element ids, e.g. `resume`. */
  id: string;
  title: string;
  /** The text's name inside a sentence, e.g. `resume`. */
  noun: string;
  text: string;
  openInitially?: boolean;
  caption?: string | undefined;
  /** Shown instead of the text when it is empty. */
  emptyText: string;
  /** Saves the draft; `fileName` is the last file read into it, if any. */
  onSave: (draft: string, fileName: string | undefined) => Promise<TextSaveResult>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState(false);
  const [fileName, setFileName] = useState<string | undefined>();
  const [fileNote, setFileNote] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();
  const [focus, setFocus] = useState<'textarea' | 'edit' | undefined>();
  /** After an edit the text is shown unfolded, so the user sees what was saved. */
  const [edited, setEdited] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  // Move focus after the section switched between reading and editing.
  useEffect(() => {
    if (focus === 'textarea') textareaRef.current?.focus();
    if (focus === 'edit') editButtonRef.current?.focus();
    if (focus) setFocus(undefined);
  }, [focus]);

  const textareaId = `edit-${id}`;
  const fileId = `upload-${id}`;

  const startEditing = () => {
    setDraft(text);
    setFileName(undefined);
    setFileNote('');
    setFileError(undefined);
    setSaveError(undefined);
    setEditing(true);
    setFocus('textarea');
  };

  const stopEditing = () => {
    setEditing(false);
    setEdited(true);
    setFocus('edit');
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    setFileNote('');
    setFileError(undefined);
    try {
      const result = await ingestFile(file);
      setDraft(result.text);
      setFileName(result.name);
      const lines = result.lineCount === 1 ? '1 line' : `${result.lineCount} lines`;
      setFileNote(
        `Read ${lines} from ${result.name}. Check the text above, then save it — nothing is saved yet.`,
      );
    } catch (error) {
      setFileError(`The file was not read: ${describeError(error)}`);
    } finally {
      setReading(false);
      // Choosing the same file again (after fixing it) reads it again.
      input.value = '';
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving || reading) return;
    setSaving(true);
    setSaveError(undefined);
    const result = await onSave(draft, fileName);
    setSaving(false);
    if (result.saved) {
      setFileNote('');
      stopEditing();
    } else {
      setSaveError(result.message);
    }
  };

  if (!editing) {
    const editButton = (
      <button
        ref={editButtonRef}
        type="button"
        className="button button-small"
        onClick={startEditing}
      >
        {text.trim() === '' ? 'Add' : 'Edit'}
        <span className="visually-hidden"> {noun}</span>
      </button>
    );
    if (text.trim() === '') {
      return (
        <div className="card text-section-empty">
          <div className="text-section-empty-head">
            <h2 className="text-section-title">{title}</h2>
            {editButton}
          </div>
          <p className="muted">{emptyText}</p>
        </div>
      );
    }
    return (
      <TextSection
        title={title}
        text={text}
        openInitially={openInitially || edited}
        caption={caption}
        actions={editButton}
      />
    );
  }

  return (
    <form
      className="card text-editor"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${textareaId}-title`}
    >
      <h2 id={`${textareaId}-title`} className="text-section-title">
        {`Edit ${noun}`}
      </h2>
      <FormField
        id={textareaId}
        label={`${title} text`}
        hint="Markdown or plain text. Line numbers in the fit report refer to the lines here."
        renderControl={(props) => (
          <textarea
            {...props}
            ref={textareaRef}
            rows={14}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        )}
      />
      <FormField
        id={fileId}
        label="Upload file"
        hint="PDF, Word (.docx), Markdown, text or HTML, up to 10 MiB. Its text replaces the text above, for you to check before saving."
        error={fileError}
        announceError
        renderControl={(props) => (
          <input
            {...props}
            type="file"
            accept={acceptedFiles}
            className="file-input"
            disabled={reading || saving}
            onChange={(event) => void readFile(event)}
          />
        )}
      />
      <p className="form-message" role="status">
        {reading ? 'Reading the file…' : fileNote}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || reading}>
          {saving ? 'Saving…' : `Save ${noun}`}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={saving}
          onClick={stopEditing}
        >
          Cancel
        </button>
      </div>
      <p className="form-message form-message-error" role="alert">
        {saveError ?? ''}
      </p>
    </form>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentVersion, JsonValue } from '../../../src/domain/index.js';
import {
  describeError,
  generateDocument,
  getLatestDocument,
  isApiError,
  saveDocument,
} from '../api.js';
import { useApiData } from '../use-api-data.js';
import { LoadFailure } from './load-failure.js';
import { LoadingMessage } from './loading-message.js';
import { ReadableText, toggleTask } from './readable-text.js';

/** How long after the last keystroke the notes are saved. */
const autosaveDelayMs = 1000;

/** The notes of a stage: the latest version, generated on first open. */
async function loadOrGenerateNotes(
  applicationId: string,
  stageId: string,
  signal?: AbortSignal,
): Promise<DocumentVersion> {
  const latest = await getLatestDocument(applicationId, 'stage-notes', stageId, signal);
  if (latest) return latest;
  if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  return generateDocument(applicationId, 'stage-notes', stageId);
}

/**
 * The notes of one interview round: generated the first time they are
 * opened, then edited as Markdown with autosave, and a preview whose task
 * checkboxes can be ticked.
 */
export function StageNotesEditor({
  applicationId,
  stageId,
  label,
}: {
  applicationId: string;
  stageId: string;
  /** The round's name in a sentence, e.g. `round 1 (Recruiter screen)`. */
  label: string;
}) {
  const load = useCallback(
    (signal: AbortSignal) => loadOrGenerateNotes(applicationId, stageId, signal),
    [applicationId, stageId],
  );
  const { data, retry } = useApiData(`stage-notes:${applicationId}:${stageId}`, load);
  if (data.state === 'loading') return <LoadingMessage>Loading the notes…</LoadingMessage>;
  if (data.state === 'failed') {
    return (
      <LoadFailure title="The notes could not be opened." error={data.error} onRetry={retry} />
    );
  }
  return (
    <NotesEditor
      key={data.value.id}
      applicationId={applicationId}
      stageId={stageId}
      label={label}
      initial={data.value}
    />
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; latestVersion: number | undefined }
  | { kind: 'failed'; message: string };

function NotesEditor({
  applicationId,
  stageId,
  label,
  initial,
}: {
  applicationId: string;
  stageId: string;
  label: string;
  initial: DocumentVersion;
}) {
  const [draft, setDraft] = useState(initial.markdown);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [version, setVersion] = useState(initial.version);
  const textareaId = `stage-notes-${stageId}`;

  // The save logic reads these, so a timer or a blur always sees the latest values.
  const draftRef = useRef(initial.markdown);
  /** The version the next save builds on: loaded, last saved, or (after a conflict) the latest. */
  const baseRef = useRef(initial.version);
  const savedMarkdownRef = useRef(initial.markdown);
  const contentRef = useRef<JsonValue>(initial.content);
  const savingRef = useRef(false);
  const againRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<number | undefined>(undefined);
  const mountedRef = useRef(true);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      window.clearTimeout(timerRef.current);
    };
  }, []);

  const save = useCallback(
    async (force = false) => {
      window.clearTimeout(timerRef.current);
      if (conflictRef.current && !force) return;
      if (savingRef.current) {
        againRef.current = true;
        return;
      }
      const markdown = draftRef.current;
      if (markdown === savedMarkdownRef.current && !force) return;
      savingRef.current = true;
      setSaveState({ kind: 'saving' });
      try {
        const saved = await saveDocument(applicationId, 'stage-notes', {
          baseVersion: baseRef.current,
          content: contentRef.current,
          markdown,
          stageId,
        });
        baseRef.current = saved.version;
        savedMarkdownRef.current = saved.markdown;
        conflictRef.current = false;
        if (mountedRef.current) {
          setVersion(saved.version);
          setSaveState({ kind: 'saved', version: saved.version });
        }
      } catch (error) {
        if (isApiError(error, 'CONFLICT')) {
          // Someone saved since: keep the user's text, learn the latest version,
          // and wait for the user to say whether their text wins.
          conflictRef.current = true;
          let latestVersion = error.currentVersion;
          try {
            const latest = await getLatestDocument(applicationId, 'stage-notes', stageId);
            if (latest) latestVersion = latest.version;
          } catch {
            // The version from the conflict answer is enough to save on top.
          }
          if (latestVersion !== undefined) baseRef.current = latestVersion;
          if (mountedRef.current) setSaveState({ kind: 'conflict', latestVersion });
        } else if (mountedRef.current) {
          setSaveState({
            kind: 'failed',
            message: `The notes were not saved: ${describeError(error)} Your text is kept; keep typing or click outside the editor to try again.`,
          });
        }
      } finally {
        savingRef.current = false;
      }
      if (againRef.current) {
        againRef.current = false;
        if (!conflictRef.current) void save();
      }
    },
    [applicationId, stageId],
  );

  const changeDraft = (markdown: string, immediately = false) => {
    draftRef.current = markdown;
    setDraft(markdown);
    window.clearTimeout(timerRef.current);
    if (conflictRef.current) return;
    if (immediately) {
      void save();
    } else {
      timerRef.current = window.setTimeout(() => void save(), autosaveDelayMs);
    }
  };

  const loadLatest = async () => {
    try {
      const latest = await getLatestDocument(applicationId, 'stage-notes', stageId);
      if (!latest || !mountedRef.current) return;
      conflictRef.current = false;
      baseRef.current = latest.version;
      savedMarkdownRef.current = latest.markdown;
      contentRef.current = latest.content;
      draftRef.current = latest.markdown;
      setDraft(latest.markdown);
      setVersion(latest.version);
      setSaveState({ kind: 'saved', version: latest.version });
    } catch (error) {
      setSaveState({
        kind: 'failed',
        message: `The latest notes could not be loaded: ${describeError(error)}`,
      });
    }
  };

  const dirty = draft !== savedMarkdownRef.current;
  let statusText: string;
  switch (saveState.kind) {
    case 'saving':
      statusText = 'Saving…';
      break;
    case 'saved':
      statusText = dirty ? 'Unsaved changes…' : `Saved (version ${saveState.version})`;
      break;
    case 'idle':
      statusText = dirty ? 'Unsaved changes…' : `Version ${version}`;
      break;
    default:
      statusText = dirty ? 'Not saved' : `Version ${version}`;
  }

  return (
    <div className="stage-notes">
      <div className="stage-notes-grid">
        <div className="field stage-notes-field">
          <label htmlFor={textareaId} className="field-label">
            {`Notes for ${label} (Markdown)`}
          </label>
          <p id={`${textareaId}-hint`} className="field-hint">
            Saved automatically a second after you stop typing, and when you leave the box.
          </p>
          <textarea
            id={textareaId}
            aria-describedby={`${textareaId}-hint ${textareaId}-status`}
            className="stage-notes-textarea"
            rows={16}
            spellCheck
            value={draft}
            onChange={(event) => changeDraft(event.target.value)}
            onBlur={() => void save()}
          />
          <p id={`${textareaId}-status`} className="stage-notes-status" role="status">
            {statusText}
          </p>
        </div>
        <section className="stage-notes-preview" aria-label={`Preview of the notes for ${label}`}>
          <h3 className="stage-notes-preview-title">Preview</h3>
          <ReadableText
            text={draft}
            taskLabel="Done: "
            onToggleTask={(line) => changeDraft(toggleTask(draftRef.current, line), true)}
          />
        </section>
      </div>
      <div
        role="alert"
        className={
          saveState.kind === 'conflict' || saveState.kind === 'failed'
            ? 'notice notice-error stage-notes-alert'
            : 'visually-hidden'
        }
      >
        {saveState.kind === 'conflict' ? (
          <>
            <p>
              {`These notes were changed elsewhere (in another tab or window)${
                saveState.latestVersion === undefined
                  ? ''
                  : ` and are now at version ${saveState.latestVersion}`
              }. Your text was not saved; it is still in the box above. Autosave is paused.`}
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary button-small"
                onClick={() => void save(true)}
              >
                Save my version
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => void loadLatest()}
              >
                Discard mine and load the latest
              </button>
            </div>
          </>
        ) : saveState.kind === 'failed' ? (
          saveState.message
        ) : null}
      </div>
    </div>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import {
  type FieldIssue,
  type NewStage,
  type Stage,
  type StageKind,
  stageKindLabels,
  stageKinds,
} from '../../../src/domain/index.js';
import { describeError, isApiError } from '../api.js';
import { convertLocalDateTimeToIso } from '../format.js';
import { FormField } from './form-field.js';

type FieldName = 'kind' | 'scheduledAt' | 'interviewer';
type FieldErrors = Partial<Record<FieldName, string>>;

/** The first kind of round the application does not have yet, in the usual order. */
function suggestNextKind(stages: Stage[]): StageKind {
  const present = new Set(stages.map((stage) => stage.kind));
  return stageKinds.find((kind) => !present.has(kind)) ?? 'technical';
}

function readTimeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'your local time zone';
  }
}

/** Adds an interview round: its kind, when (in the user's time) and who interviews. */
export function AddStageForm({
  stages,
  onAddStage,
}: {
  stages: Stage[];
  /** Saves the round; rejects with an ApiError when the server refuses it. */
  onAddStage: (input: NewStage) => Promise<Stage>;
}) {
  const [kind, setKind] = useState<StageKind>(() => suggestNextKind(stages));
  const [localDateTime, setLocalDateTime] = useState('');
  const [interviewer, setInterviewer] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>();
  const [saving, setSaving] = useState(false);
  const dateTimeRef = useRef<HTMLInputElement>(null);

  const submitForm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const scheduledAt = convertLocalDateTimeToIso(localDateTime);
    // A half-typed date leaves the input's value empty; `badInput` tells it apart from no date.
    const incomplete = dateTimeRef.current?.validity.badInput === true;
    if (incomplete || (localDateTime.trim() !== '' && scheduledAt === null)) {
      setErrors({ scheduledAt: 'Enter a complete date and time, or leave it empty.' });
      setMessage({
        tone: 'error',
        text: 'The stage was not added: the date and time is incomplete.',
      });
      return;
    }
    setSaving(true);
    setMessage(undefined);
    try {
      const stage = await onAddStage({ kind, scheduledAt, interviewer });
      setErrors({});
      setLocalDateTime('');
      setInterviewer('');
      setKind(suggestNextKind([...stages, stage]));
      setMessage({ tone: 'success', text: `Added the ${stageKindLabels[stage.kind]} round.` });
    } catch (error) {
      if (isApiError(error, 'INVALID_INPUT') && error.issues.length > 0) {
        setErrors(mapIssuesToFields(error.issues));
      } else {
        setErrors({});
      }
      setMessage({ tone: 'error', text: `The stage was not added: ${describeError(error)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="add-stage-form"
      onSubmit={submitForm}
      noValidate
      aria-labelledby="add-stage-title"
    >
      <h3 id="add-stage-title">Add a stage</h3>
      <div className="field-row field-row-three">
        <FormField
          id="new-stage-kind"
          label="Kind"
          error={errors.kind}
          renderControl={(props) => (
            <select
              {...props}
              value={kind}
              onChange={(event) => {
                const next = stageKinds.find((value) => value === event.target.value);
                if (next) setKind(next);
              }}
            >
              {stageKinds.map((value) => (
                <option key={value} value={value}>
                  {stageKindLabels[value]}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          id="new-stage-scheduled-at"
          label="Date and time"
          optional
          hint={`In your time zone (${readTimeZoneName()}).`}
          error={errors.scheduledAt}
          renderControl={(props) => (
            <input
              {...props}
              ref={dateTimeRef}
              type="datetime-local"
              value={localDateTime}
              onChange={(event) => setLocalDateTime(event.target.value)}
            />
          )}
        />
        <FormField
          id="new-stage-interviewer"
          label="Interviewer"
          optional
          hint="A name or a role."
          error={errors.interviewer}
          renderControl={(props) => (
            <input
              {...props}
              type="text"
              maxLength={200}
              value={interviewer}
              onChange={(event) => setInterviewer(event.target.value)}
            />
          )}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add stage'}
        </button>
        <p className="form-message" role="status">
          {message?.tone === 'success' ? message.text : ''}
        </p>
        <p className="form-message form-message-error" role="alert">
          {message?.tone === 'error' ? message.text : ''}
        </p>
      </div>
    </form>
  );
}

function mapIssuesToFields(issues: FieldIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0];
    if (field === 'kind' || field === 'scheduledAt' || field === 'interviewer') {
      fields[field] ??= issue.message;
    }
  }
  return fields;
}

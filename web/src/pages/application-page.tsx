import { useCallback, useState } from 'react';
import {
  type Application,
  type ApplicationPatch,
  ApplicationPatchSchema,
  type ApplicationStatus,
  applicationStatuses,
  type NewStage,
  type Stage,
  type StageStatus,
} from '../../../src/domain/index.js';
import {
  createStage,
  describeError,
  getApplication,
  isApiError,
  listStages,
  updateApplication,
  updateStage,
} from '../api.js';
import { AddStageForm } from '../components/add-stage-form.js';
import { DocumentsSection } from '../components/documents-section.js';
import { EditableTextSection, type TextSaveResult } from '../components/editable-text-section.js';
import { FitReportSection } from '../components/fit-report-section.js';
import { InterviewsSection } from '../components/interviews-section.js';
import { Link } from '../components/link.js';
import { LoadFailure } from '../components/load-failure.js';
import { LoadingMessage } from '../components/loading-message.js';
import { StageList } from '../components/stage-list.js';
import { StageNotesEditor } from '../components/stage-notes-editor.js';
import {
  applicationStatusLabels,
  formatDateTime,
  formatStageKind,
  stageStatusLabels,
} from '../format.js';
import { useApiData } from '../use-api-data.js';
import { useDocumentTitle } from '../use-document-title.js';
import { NotFoundPage } from './not-found-page.js';

interface ApplicationData {
  application: Application;
  stages: Stage[];
}

type Notice = { tone: 'error' | 'success'; text: string };

type TextField = 'postingText' | 'resumeText' | 'companyNotes';

async function loadApplicationData(id: string, signal?: AbortSignal): Promise<ApplicationData> {
  const [application, stages] = await Promise.all([
    getApplication(id, signal),
    listStages(id, signal),
  ]);
  return { application, stages };
}

/** The server's order: by scheduled time, unscheduled last, then by creation. */
function sortStages(stages: Stage[]): Stage[] {
  return [...stages].sort((first, second) => {
    if (first.scheduledAt && second.scheduledAt && first.scheduledAt !== second.scheduledAt) {
      return Date.parse(first.scheduledAt) - Date.parse(second.scheduledAt);
    }
    if (first.scheduledAt && !second.scheduledAt) return -1;
    if (!first.scheduledAt && second.scheduledAt) return 1;
    return Date.parse(first.createdAt) - Date.parse(second.createdAt);
  });
}

/** `/applications/:id`: one application, its interview rounds and its texts. */
export function ApplicationPage({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => loadApplicationData(id, signal), [id]);
  const { data, retry, setValue } = useApiData(`application:${id}`, load);
  const application = data.state === 'ready' ? data.value.application : undefined;
  useDocumentTitle(
    application
      ? `${application.company} · ${application.roleTitle}`
      : data.state === 'failed' && isApiError(data.error, 'NOT_FOUND')
        ? 'Application not found'
        : 'Application',
  );

  if (data.state === 'loading') return <LoadingMessage>Loading the application…</LoadingMessage>;
  if (data.state === 'failed') {
    if (isApiError(data.error, 'NOT_FOUND')) {
      return (
        <NotFoundPage
          title="Application not found"
          explanation="There is no application at this address. It may have been deleted, or the link is incomplete."
        />
      );
    }
    return (
      <LoadFailure
        title="The application could not be loaded."
        error={data.error}
        onRetry={retry}
      />
    );
  }
  return <ApplicationView id={id} data={data.value} onChange={setValue} />;
}

function ApplicationView({
  id,
  data,
  onChange,
}: {
  id: string;
  data: ApplicationData;
  onChange: (data: ApplicationData) => void;
}) {
  const { application, stages } = data;
  const [pendingStatus, setPendingStatus] = useState<ApplicationStatus | undefined>();
  const [savingStageId, setSavingStageId] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [textsSavedAt, setTextsSavedAt] = useState<number | undefined>();
  const [notesStageId, setNotesStageId] = useState<string | undefined>();

  /**
   * Someone saved this application since it was loaded. Nothing is
   * overwritten: the latest version is loaded, and the user is told their
   * change was not saved. The caller applies the result in one render, so the
   * page never shows the message next to stale values.
   */
  const loadAfterConflict = async (
    what: string,
  ): Promise<{ latest: ApplicationData | undefined; notice: Notice }> => {
    try {
      return {
        latest: await loadApplicationData(id),
        notice: {
          tone: 'error',
          text: `This application was changed elsewhere — reloaded. Your change (${what}) was not saved; the page now shows the latest version, so check it and choose again if you still want it.`,
        },
      };
    } catch (error) {
      return {
        latest: undefined,
        notice: {
          tone: 'error',
          text: `This application was changed elsewhere, and loading the latest version failed: ${describeError(error)} Reload the page before changing anything.`,
        },
      };
    }
  };

  const changeStatus = async (status: ApplicationStatus) => {
    if (status === application.status) return;
    setPendingStatus(status);
    setNotice(undefined);
    let latest: ApplicationData | undefined;
    let outcome: Notice;
    try {
      const updated = await updateApplication(id, { version: application.version, status });
      latest = { application: updated, stages };
      outcome = { tone: 'success', text: `Status changed to ${applicationStatusLabels[status]}.` };
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        ({ latest, notice: outcome } = await loadAfterConflict(
          `status “${applicationStatusLabels[status]}”`,
        ));
      } else {
        outcome = { tone: 'error', text: `The status was not changed: ${describeError(error)}` };
      }
    }
    setPendingStatus(undefined);
    if (latest) onChange(latest);
    setNotice(outcome);
  };

  const changeStageStatus = async (stage: Stage, status: StageStatus) => {
    setSavingStageId(stage.id);
    setNotice(undefined);
    let latest: ApplicationData | undefined;
    let outcome: Notice;
    try {
      const updated = await updateStage(id, stage.id, { version: stage.version, status });
      latest = {
        application,
        stages: stages.map((current) => (current.id === updated.id ? updated : current)),
      };
      outcome = {
        tone: 'success',
        text: `${formatStageKind(stage.kind)} round marked ${stageStatusLabels[status].toLowerCase()}.`,
      };
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        ({ latest, notice: outcome } = await loadAfterConflict(
          `round status “${stageStatusLabels[status]}”`,
        ));
      } else {
        outcome = { tone: 'error', text: `The round was not changed: ${describeError(error)}` };
      }
    }
    setSavingStageId(undefined);
    if (latest) onChange(latest);
    setNotice(outcome);
  };

  const addStage = async (input: NewStage) => {
    const stage = await createStage(id, input);
    onChange({ application, stages: sortStages([...stages, stage]) });
    return stage;
  };

  /**
   * Saves one text. On a conflict the latest version is loaded and shown
   * around the editor, which keeps the user's draft so they can save again.
   */
  const saveText = async (
    field: TextField,
    label: string,
    draft: string,
    fileName: string | undefined,
  ): Promise<TextSaveResult> => {
    setNotice(undefined);
    const patch: ApplicationPatch = { version: application.version, [field]: draft };
    if (field === 'postingText' && fileName) patch.postingSource = fileName;
    const checked = ApplicationPatchSchema.safeParse(patch);
    if (!checked.success) {
      const message = checked.error.issues[0]?.message ?? 'The text is not valid';
      return { saved: false, message: `The ${label} was not saved: ${message}.` };
    }
    try {
      const updated = await updateApplication(id, patch);
      onChange({ application: updated, stages });
      setTextsSavedAt(Date.now());
      setNotice({ tone: 'success', text: `Saved the ${label}.` });
      return { saved: true };
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        try {
          const latest = await loadApplicationData(id);
          onChange(latest);
          return {
            saved: false,
            message: `This application was changed elsewhere — reloaded. Your ${label} was not saved; your text is still in the box above. Check it against the latest version, then save again.`,
          };
        } catch (loadError) {
          return {
            saved: false,
            message: `This application was changed elsewhere, and loading the latest version failed: ${describeError(loadError)} Copy your text somewhere safe and reload the page.`,
          };
        }
      }
      const issue = isApiError(error, 'INVALID_INPUT') ? error.issues[0]?.message : undefined;
      return {
        saved: false,
        message: `The ${label} was not saved: ${issue ? `${issue}.` : describeError(error)}`,
      };
    }
  };

  const hasSource = application.postingSource !== '' && application.postingSource !== 'pasted';

  return (
    <>
      <div className="page-heading application-heading">
        <p className="breadcrumb">
          <Link to="/">Applications</Link>
        </p>
        <div className="application-heading-row">
          <div>
            <h1>{application.company}</h1>
            <p className="lead application-role">{application.roleTitle}</p>
          </div>
          <div className="field application-status-field">
            <label htmlFor="application-status" className="field-label">
              Status
            </label>
            <select
              id="application-status"
              className={`status-select status-${pendingStatus ?? application.status}`}
              value={pendingStatus ?? application.status}
              disabled={pendingStatus !== undefined}
              onChange={(event) => {
                const status = applicationStatuses.find((value) => value === event.target.value);
                if (status) void changeStatus(status);
              }}
            >
              {applicationStatuses.map((status) => (
                <option key={status} value={status}>
                  {applicationStatusLabels[status]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted application-dates">
          Added{' '}
          <time dateTime={application.createdAt}>{formatDateTime(application.createdAt)}</time>
          {application.updatedAt !== application.createdAt ? (
            <>
              {' · updated '}
              <time dateTime={application.updatedAt}>{formatDateTime(application.updatedAt)}</time>
            </>
          ) : null}
        </p>
      </div>

      <div
        role="status"
        className={notice?.tone === 'success' ? 'notice notice-success' : 'visually-hidden'}
      >
        {notice?.tone === 'success' ? notice.text : ''}
      </div>
      <div
        role="alert"
        className={notice?.tone === 'error' ? 'notice notice-error' : 'visually-hidden'}
      >
        {notice?.tone === 'error' ? notice.text : ''}
      </div>

      <FitReportSection
        applicationId={id}
        hasResume={application.resumeText.trim() !== ''}
        textsSavedAt={textsSavedAt}
      />

      <DocumentsSection applicationId={id} hasResume={application.resumeText.trim() !== ''} />

      <InterviewsSection applicationId={id} />

      <section className="card section" aria-labelledby="stages-title">
        <h2 id="stages-title">
          Interview stages <span className="muted">{stages.length}</span>
        </h2>
        <StageList
          stages={stages}
          savingStageId={savingStageId}
          onChangeStatus={(stage, status) => void changeStageStatus(stage, status)}
          notesStageId={notesStageId}
          onToggleNotes={(stage) =>
            setNotesStageId(notesStageId === stage.id ? undefined : stage.id)
          }
          renderNotes={(stage, label) => (
            <StageNotesEditor applicationId={id} stageId={stage.id} label={label} />
          )}
        />
        <AddStageForm stages={stages} onAddStage={addStage} />
      </section>

      <section className="texts" aria-label="What you gave prepkit">
        <EditableTextSection
          id="posting"
          title="Job posting"
          noun="posting"
          text={application.postingText}
          openInitially
          caption={hasSource ? `Source: ${application.postingSource}` : undefined}
          emptyText="No posting."
          onSave={(draft, fileName) => saveText('postingText', 'posting', draft, fileName)}
        />
        <EditableTextSection
          id="resume"
          title="Resume"
          noun="resume"
          text={application.resumeText}
          emptyText="No resume yet. Add it (paste it or upload a PDF or Word file) to see how you match the posting."
          onSave={(draft, fileName) => saveText('resumeText', 'resume', draft, fileName)}
        />
        <EditableTextSection
          id="company-notes"
          title="Company notes"
          noun="company notes"
          text={application.companyNotes}
          emptyText="No company notes yet: the about page, news, notes from earlier talks."
          onSave={(draft, fileName) => saveText('companyNotes', 'company notes', draft, fileName)}
        />
      </section>
    </>
  );
}

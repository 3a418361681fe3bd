import { type ReactNode, useCallback, useId, useState } from 'react';
import type { DocumentVersion } from '../../../src/domain/index.js';
import {
  cardsCsvUrl,
  type DocumentVersionSummary,
  describeError,
  documentDownloadUrl,
  type GeneratedDocumentKind,
  generateDocument,
  getDocumentVersion,
  getLatestDocument,
  listDocumentVersions,
  planIcsUrl,
} from '../api.js';
import { formatDateTime } from '../format.js';
import { useApiData } from '../use-api-data.js';
import { LoadFailure } from './load-failure.js';
import { LoadingMessage } from './loading-message.js';
import { ReadableText } from './readable-text.js';

/** The application-wide documents this section shows, with their names. */
const documentNames: Record<'prep-pack' | 'company-brief', { title: string; noun: string }> = {
  'prep-pack': { title: 'Prep pack', noun: 'prep pack' },
  'company-brief': { title: 'Company brief', noun: 'company brief' },
};

interface DocumentState {
  latest: DocumentVersion | null;
  versions: DocumentVersionSummary[];
}

async function loadDocument(
  applicationId: string,
  kind: GeneratedDocumentKind,
  signal?: AbortSignal,
): Promise<DocumentState> {
  const latest = await getLatestDocument(applicationId, kind, null, signal);
  if (!latest) return { latest: null, versions: [] };
  const versions = await listDocumentVersions(applicationId, kind, null, signal);
  return { latest, versions };
}

/**
 * The generated documents of an application: the prep pack and the company
 * brief (generate, view, earlier versions, downloads), and the files for
 * the whole application (calendar plan, flashcards).
 */
export function DocumentsSection({
  applicationId,
  hasResume,
}: {
  applicationId: string;
  hasResume: boolean;
}) {
  return (
    <section className="card section documents" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <p className="muted documents-intro">
        Generated from the posting, your resume and your notes. Every generation is a new version:
        earlier versions, and your edits, stay listed.
      </p>
      <div className="documents-list">
        <DocumentCard applicationId={applicationId} kind="prep-pack" />
        <DocumentCard applicationId={applicationId} kind="company-brief" />
      </div>
      <h3 className="documents-files-title">Files for this application</h3>
      {hasResume ? (
        <ul className="download-links">
          <li>
            <a className="button button-small" href={planIcsUrl(applicationId)} download>
              Preparation plan (.ics)
            </a>
          </li>
          <li>
            <a className="button button-small" href={cardsCsvUrl(applicationId)} download>
              Flashcards (.csv)
            </a>
          </li>
        </ul>
      ) : (
        <p className="muted">
          Add your resume to download the preparation plan (.ics) and the flashcards (.csv).
        </p>
      )}
    </section>
  );
}

function DocumentCard({
  applicationId,
  kind,
}: {
  applicationId: string;
  kind: 'prep-pack' | 'company-brief';
}) {
  const { title, noun } = documentNames[kind];
  const load = useCallback(
    (signal: AbortSignal) => loadDocument(applicationId, kind, signal),
    [applicationId, kind],
  );
  const { data, retry, setValue } = useApiData(`document:${applicationId}:${kind}`, load);
  const [generating, setGenerating] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [viewing, setViewing] = useState(false);
  /** An earlier version the user chose to read; undefined shows the latest. */
  const [shown, setShown] = useState<DocumentVersion | undefined>();
  const [loadingVersion, setLoadingVersion] = useState<number | undefined>();
  const baseId = useId();
  const viewId = `${baseId}-view`;

  const generate = async () => {
    setGenerating(true);
    setError(undefined);
    setStatus('');
    try {
      const created = await generateDocument(applicationId, kind);
      const versions = await listDocumentVersions(applicationId, kind);
      setValue({ latest: created, versions });
      setShown(undefined);
      setStatus(`Generated the ${noun}: version ${created.version}.`);
    } catch (failure) {
      setError(`The ${noun} was not generated: ${describeError(failure)}`);
    } finally {
      setGenerating(false);
    }
  };

  const showVersion = async (version: number) => {
    if (data.state !== 'ready') return;
    setError(undefined);
    if (version === data.value.latest?.version) {
      setShown(undefined);
      setViewing(true);
      return;
    }
    setLoadingVersion(version);
    try {
      setShown(await getDocumentVersion(applicationId, kind, version));
      setViewing(true);
    } catch (failure) {
      setError(`Version ${version} could not be loaded: ${describeError(failure)}`);
    } finally {
      setLoadingVersion(undefined);
    }
  };

  let body: ReactNode;
  if (data.state === 'loading') {
    body = <LoadingMessage>{`Loading the ${noun}…`}</LoadingMessage>;
  } else if (data.state === 'failed') {
    body = (
      <LoadFailure title={`The ${noun} could not be loaded.`} error={data.error} onRetry={retry} />
    );
  } else {
    const { latest, versions } = data.value;
    const document = shown ?? latest;
    body = (
      <>
        <div className="document-head">
          <p className="document-meta">
            {latest ? (
              <>
                Version {latest.version} ·{' '}
                <time dateTime={latest.createdAt}>{formatDateTime(latest.createdAt)}</time>
              </>
            ) : (
              <span className="muted">Not generated yet.</span>
            )}
          </p>
          <div className="document-actions">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={generating}
              onClick={() => void generate()}
            >
              {generating ? 'Generating…' : latest ? 'Regenerate' : 'Generate'}
              <span className="visually-hidden"> {noun}</span>
            </button>
            {latest ? (
              <button
                type="button"
                className="button button-small"
                aria-expanded={viewing}
                aria-controls={viewId}
                onClick={() => {
                  setShown(undefined);
                  setViewing(!viewing || shown !== undefined);
                }}
              >
                {viewing && !shown ? 'Hide' : 'View'}
                <span className="visually-hidden"> {noun}</span>
              </button>
            ) : null}
          </div>
        </div>
        {latest ? (
          <ul className="download-links" aria-label={`Download the ${noun}`}>
            <li>
              <a href={documentDownloadUrl(applicationId, kind, 'md')} download>
                Markdown<span className="visually-hidden"> of the {noun}</span>
              </a>
            </li>
            <li>
              <a href={documentDownloadUrl(applicationId, kind, 'docx')} download>
                DOCX<span className="visually-hidden"> of the {noun}</span>
              </a>
            </li>
          </ul>
        ) : null}
        {versions.length > 0 ? (
          <details className="document-versions">
            <summary>{versions.length === 1 ? '1 version' : `${versions.length} versions`}</summary>
            <ol className="version-list" aria-label={`Versions of the ${noun}`}>
              {versions.map((entry) => (
                <li key={entry.version}>
                  <span>
                    Version {entry.version} ·{' '}
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                    {entry.version === latest?.version ? (
                      <span className="muted"> (latest)</span>
                    ) : null}
                  </span>
                  <button
                    type="button"
                    className="link-button"
                    disabled={loadingVersion !== undefined}
                    onClick={() => void showVersion(entry.version)}
                  >
                    {loadingVersion === entry.version ? 'Loading…' : 'View'}
                    <span className="visually-hidden">
                      {` version ${entry.version} of the ${noun}`}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
        <div id={viewId} className="document-view" hidden={!viewing || !document}>
          {viewing && document ? (
            <>
              <p className="document-view-caption muted">
                {`Showing version ${document.version}`}
                {document.version !== latest?.version ? ' (an earlier version)' : ''}
              </p>
              <ReadableText text={document.markdown} />
            </>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section className="document-card" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>{title}</h3>
      {body}
      <p className="form-message" role="status">
        {status}
      </p>
      <p className="form-message form-message-error" role="alert">
        {error ?? ''}
      </p>
    </section>
  );
}

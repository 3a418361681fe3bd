import { type FormEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  type ApplicationStatus,
  applicationStatuses,
  type FieldIssue,
  type NewApplication,
  NewApplicationSchema,
} from '../../../src/domain/index.js';
import { createApplication, describeError, isApiError } from '../api.js';
import { FormField } from '../components/form-field.js';
import { Link } from '../components/link.js';
import { applicationStatusLabels } from '../format.js';
import { navigate } from '../navigation.js';
import { useDocumentTitle } from '../use-document-title.js';

interface FormValues {
  company: string;
  roleTitle: string;
  postingText: string;
  postingSource: string;
  resumeText: string;
  companyNotes: string;
  status: ApplicationStatus;
}

type FieldName = keyof FormValues;
type FieldErrors = Partial<Record<FieldName, string>>;

const emptyValues: FormValues = {
  company: '',
  roleTitle: '',
  postingText: '',
  postingSource: '',
  resumeText: '',
  companyNotes: '',
  status: 'saved',
};

/** Fields in the order of the form, to focus the first one at fault. */
const fieldOrder: FieldName[] = [
  'company',
  'roleTitle',
  'postingText',
  'resumeText',
  'companyNotes',
  'postingSource',
  'status',
];
const fieldsUnderMore = new Set<FieldName>([
  'resumeText',
  'companyNotes',
  'postingSource',
  'status',
]);
const fieldId = (field: FieldName) => `new-application-${field}`;

function isFieldName(value: string): value is FieldName {
  return (fieldOrder as string[]).includes(value);
}

function convertToInput(values: FormValues): NewApplication {
  const input: NewApplication = {
    company: values.company,
    roleTitle: values.roleTitle,
    postingText: values.postingText,
    resumeText: values.resumeText,
    companyNotes: values.companyNotes,
    status: values.status,
  };
  if (values.postingSource.trim() !== '') input.postingSource = values.postingSource;
  return input;
}

/** Per-field messages from issues (the first per field) and the issues no field owns. */
function mapIssuesToFields(issues: FieldIssue[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isFieldName(field)) fields[field] ??= issue.message;
    else other.push(issue.message);
  }
  return { fields, other };
}

/** The same rules as the server (the shared schema), checked before sending. */
function validateValues(values: FormValues): FieldIssue[] {
  const result = NewApplicationSchema.safeParse(convertToInput(values));
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** One sentence listing every problem, for the alert above the form. */
function summarizeProblems(fields: FieldErrors, other: string[]): string {
  const messages = [
    ...fieldOrder.flatMap((field) => (fields[field] ? [fields[field]] : [])),
    ...other,
  ];
  const count = messages.length;
  const intro =
    count === 1
      ? 'The application was not saved:'
      : `The application was not saved (${count} problems):`;
  const list = messages.join('; ');
  return `${intro} ${list}${/[.!?]$/.test(list) ? '' : '.'}`;
}

/** `/applications/new`: the form that creates an application. */
export function NewApplicationPage() {
  useDocumentTitle('New application');
  const [values, setValues] = useState<FormValues>(emptyValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);

  const focusField = (field: FieldName) => {
    // A field in the closed "More" disclosure cannot take focus until it is open.
    if (fieldsUnderMore.has(field) && !moreOpen) flushSync(() => setMoreOpen(true));
    document.getElementById(fieldId(field))?.focus();
  };

  const showProblems = (issues: FieldIssue[]) => {
    const { fields, other } = mapIssuesToFields(issues);
    setErrors(fields);
    setSummary(summarizeProblems(fields, other));
    const first = fieldOrder.find((field) => fields[field]);
    if (first) focusField(first);
  };

  const updateValue = (field: FieldName, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, messages follow the user's corrections.
    if (submitted) {
      const { fields } = mapIssuesToFields(validateValues(next));
      setErrors(fields);
      if (Object.keys(fields).length === 0) setSummary('');
    }
  };

  const submitForm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const issues = validateValues(values);
    if (issues.length > 0) {
      showProblems(issues);
      return;
    }
    setSaving(true);
    setSummary('');
    try {
      const application = await createApplication(convertToInput(values));
      navigate(`/applications/${application.id}`);
    } catch (error) {
      setSaving(false);
      if (isApiError(error, 'INVALID_INPUT') && error.issues.length > 0) {
        showProblems(error.issues);
      } else {
        setErrors({});
        setSummary(`The application was not saved: ${describeError(error)}`);
      }
    }
  };

  const textProps = (field: FieldName) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => updateValue(field, event.target.value),
  });

  return (
    <>
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/">Applications</Link>
        </p>
        <h1>New application</h1>
        <p className="lead">
          Paste the job posting; prepkit keeps it with your notes for every interview round. Fields
          are required unless marked optional.
        </p>
      </div>
      <form className="form card" noValidate onSubmit={submitForm}>
        <div role="alert" className={summary ? 'notice notice-error' : 'visually-hidden'}>
          {summary}
        </div>
        <div className="field-row">
          <FormField
            id={fieldId('company')}
            label="Company"
            error={errors.company}
            renderControl={(props) => (
              <input
                {...props}
                {...textProps('company')}
                type="text"
                required
                maxLength={200}
                autoComplete="organization"
              />
            )}
          />
          <FormField
            id={fieldId('roleTitle')}
            label="Role title"
            error={errors.roleTitle}
            renderControl={(props) => (
              <input
                {...props}
                {...textProps('roleTitle')}
                type="text"
                required
                maxLength={200}
                autoComplete="organization-title"
              />
            )}
          />
        </div>
        <FormField
          id={fieldId('postingText')}
          label="Job posting"
          hint="Paste the whole posting: title, responsibilities, requirements, benefits."
          error={errors.postingText}
          renderControl={(props) => (
            <textarea {...props} {...textProps('postingText')} required rows={10} />
          )}
        />
        <details
          className="more"
          open={moreOpen}
          onToggle={(event) => setMoreOpen(event.currentTarget.open)}
        >
          <summary>More: resume, company notes, source and status</summary>
          <div className="more-body">
            <FormField
              id={fieldId('resumeText')}
              label="Resume"
              optional
              hint="Paste your resume as text."
              error={errors.resumeText}
              renderControl={(props) => (
                <textarea {...props} {...textProps('resumeText')} rows={8} />
              )}
            />
            <FormField
              id={fieldId('companyNotes')}
              label="Company notes"
              optional
              hint="Anything you know about the company: about page, news, notes from earlier talks."
              error={errors.companyNotes}
              renderControl={(props) => (
                <textarea {...props} {...textProps('companyNotes')} rows={6} />
              )}
            />
            <div className="field-row">
              <FormField
                id={fieldId('postingSource')}
                label="Posting source"
                optional
                hint="Where the posting came from: a URL or a file name."
                error={errors.postingSource}
                renderControl={(props) => (
                  <input {...props} {...textProps('postingSource')} type="text" maxLength={2000} />
                )}
              />
              <FormField
                id={fieldId('status')}
                label="Status"
                error={errors.status}
                renderControl={(props) => (
                  <select {...props} {...textProps('status')}>
                    {applicationStatuses.map((status) => (
                      <option key={status} value={status}>
                        {applicationStatusLabels[status]}
                      </option>
                    ))}
                  </select>
                )}
              />
            </div>
          </div>
        </details>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create application'}
          </button>
          <Link to="/" className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

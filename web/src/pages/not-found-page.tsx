import { Link } from '../components/link.js';
import { useDocumentTitle } from '../use-document-title.js';

/** Shown for an address the app does not know, or an application that does not exist. */
export function NotFoundPage({
  title = 'Page not found',
  explanation = 'There is nothing at this address in prepkit.',
}: {
  title?: string;
  explanation?: string;
}) {
  useDocumentTitle(title);
  return (
    <section className="empty-state not-found">
      <h1>{title}</h1>
      <p>{explanation}</p>
      <Link to="/" className="button button-primary">
        Back to your applications
      </Link>
    </section>
  );
}

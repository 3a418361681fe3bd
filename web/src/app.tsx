import { type ReactNode, useEffect, useRef } from 'react';
import { TopBar } from './components/top-bar.js';
import { useLocation } from './navigation.js';
import { ApplicationPage } from './pages/application-page.js';
import { ApplicationsPage } from './pages/applications-page.js';
import { InterviewPage } from './pages/interview-page.js';
import { NewApplicationPage } from './pages/new-application-page.js';
import { NotFoundPage } from './pages/not-found-page.js';

/** The page for a path: the app's whole routing table. */
function selectPage(path: string): ReactNode {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/') return <ApplicationsPage />;
  if (trimmed === '/applications/new') return <NewApplicationPage />;
  const application = /^\/applications\/([^/]+)$/.exec(trimmed);
  if (application?.[1]) {
    const id = decodeURIComponent(application[1]);
    // A new key gives each application a fresh page state.
    return <ApplicationPage key={id} id={id} />;
  }
  const interview = /^\/interviews\/([^/]+)$/.exec(trimmed);
  if (interview?.[1]) {
    const id = decodeURIComponent(interview[1]);
    return <InterviewPage key={id} id={id} />;
  }
  return <NotFoundPage />;
}

/** The prepkit web app: top bar and the page for the current address. */
export function App() {
  const { path } = useLocation();
  const shownPath = useRef(path);

  // After moving to another page, focus its content (as a page load would
  // reset focus), so keyboard and screen-reader users start at the new page.
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      <main id="main" className="page" tabIndex={-1}>
        {selectPage(path)}
      </main>
    </>
  );
}

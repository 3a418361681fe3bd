import { Link } from './link.js';

/** The bar on top of every page: the product name, home, and the main action. */
export function TopBar() {
  return (
    <header className="top-bar">
      <div className="top-bar-inner">
        <Link to="/" className="brand">
          prepkit
        </Link>
        <nav aria-label="Main">
          <Link to="/applications/new" className="button button-primary button-small">
            New application
          </Link>
        </nav>
      </div>
    </header>
  );
}

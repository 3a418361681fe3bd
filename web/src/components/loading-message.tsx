/** Tells the user (and screen readers) that data is on its way. */
export function LoadingMessage({ children }: { children: string }) {
  return (
    <p className="loading-message" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

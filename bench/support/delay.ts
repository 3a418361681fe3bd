/**
 * Resolves with undefined after `milliseconds`. The timer does not keep the
 * process alive, so a pending delay never holds up exit.
 */
export function delay(milliseconds: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), milliseconds).unref());
}

/**
 * pdf.js runs its parser in this thread (unpdf has no worker in Node) and,
 * on some damaged PDFs, leaves a rejected promise nobody awaits even though
 * the call we await fails properly. Node would take that for an unhandled
 * rejection and stop the whole process, so a bad upload could take the
 * server down. While a PDF is read, rejections made by pdf.js are ignored;
 * any other rejection is left to whoever else listens, or rethrown as Node
 * would have done.
 */
let active = 0;

function isPdfjsError(reason: unknown): boolean {
  return reason instanceof Error && (reason.stack ?? '').includes('pdfjs.mjs');
}

function onUnhandledRejection(reason: unknown): void {
  if (isPdfjsError(reason)) return;
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

/** Runs `read` with pdf.js's stray rejections contained; see the module comment. */
export async function containPdfjsRejections<T>(read: () => Promise<T>): Promise<T> {
  if (active === 0) process.on('unhandledRejection', onUnhandledRejection);
  active += 1;
  try {
    return await read();
  } finally {
    // Stray rejections are reported after the microtask queue drains.
    await new Promise((resolve) => setImmediate(resolve));
    active -= 1;
    if (active === 0) process.off('unhandledRejection', onUnhandledRejection);
  }
}

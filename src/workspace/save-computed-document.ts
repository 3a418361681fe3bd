import {
  type DocumentKind,
  type DocumentVersion,
  isPrepkitError,
  type JsonValue,
} from '../domain/index.js';
import type { Store } from '../store/index.js';

/**
 * Saves a document prepkit computed (not one the user typed) as a new version
 * on top of the latest. If another save wins the race, it saves again on top
 * of that one: every earlier version, the user's edits included, stays in
 * the history.
 */
export async function saveComputedDocument(
  store: Store,
  address: { applicationId: string; kind: DocumentKind; stageId?: string | null },
  content: JsonValue,
  markdown: string,
): Promise<DocumentVersion> {
  for (let attempt = 0; ; attempt++) {
    const base = await store.documents.latest(address).then(
      (document) => document.version,
      (error: unknown) => {
        if (isPrepkitError(error, 'NOT_FOUND')) return 0;
        throw error;
      },
    );
    try {
      return await store.documents.save(
        { applicationId: address.applicationId, kind: address.kind },
        { stageId: address.stageId ?? null, baseVersion: base, content, markdown },
      );
    } catch (error) {
      if (!isPrepkitError(error, 'CONFLICT') || attempt >= 2) throw error;
    }
  }
}

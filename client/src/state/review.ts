import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { CallReview } from '../protocol.js';

/** One call's after-action review: the call, its checklist, score and truth, loaded once. */
export function createReviewStore(callId: string, api: Api) {
  const review = signal<CallReview | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(false);

  return {
    review,
    error,
    loading,
    async load(): Promise<void> {
      loading.value = true;
      try {
        review.value = await api.getReview(callId);
        error.value = null;
      } catch (err) {
        error.value = errorMessage(err);
      } finally {
        loading.value = false;
      }
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;

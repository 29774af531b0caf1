import { useSignal } from '@preact/signals';
import { errorMessage } from '../../api.js';

/**
 * The one way a form submits: busy while the request runs, the failure in words (api.ts
 * errorMessage) for <FormError>, cleared on the next try. `run` resolves to the result, or
 * undefined when it failed.
 */
export function useAction() {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await action();
    } catch (err) {
      error.value = errorMessage(err);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}

/** A form's failure, announced to screen readers. */
export function FormError({ error, id, testId }: { error: string | null; id?: string; testId?: string }) {
  if (!error) return null;
  return (
    <p id={id} class="error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

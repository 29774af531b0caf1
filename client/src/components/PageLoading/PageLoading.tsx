/** A page whose data has not arrived: why it failed, or that it is on its way. */
export function PageLoading({ error, what }: { error: string | null; what: string }) {
  return (
    <section class="page">
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : (
        <p role="status">Loading {what}…</p>
      )}
    </section>
  );
}

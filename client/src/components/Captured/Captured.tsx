import { entityDisplay, entityLabel, type Captured as CapturedValue } from '../../intelligence.js';

/**
 * What the call has established so far, as a CAD form would hold it: the latest value of each
 * fact, the values it corrected struck through (a misheard callback number, a nature that
 * changed). The server decides all of it (the review compares the same values with the truth).
 * Values are shown as a person reads them (a phone number grouped, a nature in words); the
 * testid element carries the normalized value in data-value.
 */
export function Captured({ items }: { items: CapturedValue[] }) {
  return (
    <section class="panel captured-panel" aria-labelledby="captured-title">
      <h2 id="captured-title">Captured</h2>
      {items.length === 0 ? (
        <p class="muted empty">Nothing captured yet.</p>
      ) : (
        <dl class="kv captured" data-testid="captured">
          {items.map((c) => {
            return (
              <div key={`${c.type}|${c.normalized}`} class="captured-row">
                <dt>{entityLabel(c.type)}</dt>
                <dd>
                  <span data-testid="captured-entity" data-type={c.type} data-value={c.normalized}>
                    {entityDisplay(c.type, c.normalized)}
                  </span>
                  {c.corrected.map((old) => (
                    <del key={old.normalized} class="captured-corrected" data-testid="captured-corrected" data-type={c.type} data-value={old.normalized}>
                      {entityDisplay(c.type, old.normalized)}
                    </del>
                  ))}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}

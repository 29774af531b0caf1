import { entityDisplay, entityLabel, type Captured as CapturedValue } from '../../intelligence.js';

/**
 * What the call has established so far, one value per kind, as a CAD form would fill in.
 * The testid element's text is the normalized value; a phone number is also shown as read.
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
            const shown = entityDisplay(c.type, c.normalized);
            return (
              <div key={c.type} class="captured-row">
                <dt>{entityLabel(c.type)}</dt>
                <dd>
                  <span data-testid="captured-entity" data-type={c.type} data-value={c.normalized}>
                    {c.normalized}
                  </span>
                  {shown !== c.normalized && <span class="captured-alt">{shown}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}

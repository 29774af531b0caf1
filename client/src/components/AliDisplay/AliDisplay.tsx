import { formatAni } from '../../format.js';
import { ALI_CLASS } from '../../words.js';
import type { CallDetail } from '../../protocol.js';

/** The ANI/ALI block as it appears on a call-taker's CAD screen when the line rings. */
export function AliDisplay({ ani, ali }: Pick<CallDetail, 'ani' | 'ali'>) {
  const cls = ALI_CLASS[ali.class] ?? { code: ali.class.toUpperCase(), label: ali.class };
  const phase1 = ali.class === 'wireless-phase1';
  return (
    <section class="ali" aria-labelledby="ali-title">
      <h2 id="ali-title" class="ali-title">
        ANI / ALI
      </h2>
      <dl class="ali-grid">
        <dt>ANI</dt>
        <dd class="ani" data-testid="ani">
          {formatAni(ani)}
        </dd>
        <dt>ADDR</dt>
        <dd data-testid="ali-address">{ali.address}</dd>
        <dt>CITY</dt>
        <dd data-testid="ali-city">{ali.city}</dd>
        <dt>CLS</dt>
        <dd data-testid="ali-class" title={cls.label}>
          {cls.code} <span class="ali-note">{cls.label}</span>
        </dd>
        <dt>UNC</dt>
        <dd data-testid="ali-uncertainty">{ali.uncertaintyM === undefined ? '—' : `${Math.round(ali.uncertaintyM)} m`}</dd>
      </dl>
      {phase1 && (
        <p class="ali-warning" role="note">
          Phase I: the address is the cell tower, not the caller. Verify the location.
        </p>
      )}
    </section>
  );
}

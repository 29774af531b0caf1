import { CallerBehaviour, Emotion, Nature } from '../../protocol.js';
import type { ScenarioDraft } from '../../state/scenarioDraft.js';
import { ALI_CLASS, humanize, natureText, VOICE_LABEL } from '../../words.js';
import { Check, Choice, Lines, Num, Range, Some, Text } from './fields.js';

// The scenario's setting and its caller: what the card says, who calls and how they behave, and
// where the call is from as the network reports it (ANI/ALI) and as it really is (ground truth).

const options = (values: readonly string[], words: (v: string) => string = humanize) => values.map((v) => [v, words(v)] as const);
const EMOTIONS = options(Emotion.options);

export function BasicsSection({ draft, isNew }: { draft: ScenarioDraft; isNew: boolean }) {
  return (
    <section class="editor-section" aria-labelledby="sec-basics">
      <h2 id="sec-basics">The call</h2>
      {isNew && <Text draft={draft} path={['id']} label="Id" hint="Lowercase letters, digits and dashes; it cannot change once saved." />}
      <Text draft={draft} path={['title']} label="Title" />
      <div class="field-pair">
        <Choice draft={draft} path={['nature']} label="Kind of call" options={options(Nature.options, natureText)} />
        <Num draft={draft} path={['difficulty']} label="Difficulty (1 to 5)" />
      </div>
      <Text draft={draft} path={['brief']} label="Brief" multiline hint="What the trainee is told before the call: nothing the call should make them find out." />
      <Text draft={draft} path={['summary']} label="Summary" multiline hint="What happens, twists included: for staff, and for the trainee's review after the call." />
    </section>
  );
}

export function CallerSection({ draft }: { draft: ScenarioDraft }) {
  const voice = String(draft.get(['persona', 'voice']) ?? '');
  const voices = Object.entries(VOICE_LABEL);
  if (voice && !VOICE_LABEL[voice]) voices.push([voice, voice]);
  return (
    <section class="editor-section" aria-labelledby="sec-caller">
      <h2 id="sec-caller">The caller</h2>
      <div class="field-pair">
        <Text draft={draft} path={['persona', 'name']} label="Name" hint="As written; with names varying, each call draws another." />
        <Choice draft={draft} path={['persona', 'sex']} label="Sex" optional options={[['female', 'Female'], ['male', 'Male']]} />
        <Num draft={draft} path={['persona', 'age']} label="Age" />
      </div>
      <div class="field-pair">
        <Choice draft={draft} path={['persona', 'voice']} label="Voice" options={voices} />
        <Choice draft={draft} path={['persona', 'languageLevel']} label="Language" options={[['fluent', 'Fluent'], ['limited', 'Limited'], ['child', 'A child']]} />
      </div>
      <h3>Temperament</h3>
      <Range draft={draft} path={['persona', 'controlDifficulty']} label="How hard to control" low="does as told" high="resists" hint="Each call draws within ±0.15 of this when the temperament varies." />
      <div class="field-pair">
        <Choice draft={draft} path={['persona', 'initialEmotion']} label="Starts" options={EMOTIONS} />
        <Num draft={draft} path={['persona', 'patienceMs']} label="Bears a silent line for (ms)" optional hint="Empty: read from the temperament." />
      </div>
      <Some draft={draft} path={['persona', 'behaviours']} label="Behaviours" optional options={options(CallerBehaviour.options)} />
      <Lines draft={draft} path={['persona', 'worries']} label="Worries (one a line)" optional hint="What they keep coming back to, in their words." />
      <h3>What each call draws anew</h3>
      <p class="muted">Write what varies as a placeholder: {'{caller.first}'}, {'{address}'}, {'{street}'}, {'{houseNumber}'}, {'{city}'}, {'{callback}'}.</p>
      <VariationChecks draft={draft} />
    </section>
  );
}

export function LocationSection({ draft }: { draft: ScenarioDraft }) {
  const phase1 = draft.get(['ali', 'class']) === 'wireless-phase1';
  return (
    <section class="editor-section" aria-labelledby="sec-location">
      <h2 id="sec-location">Where the call comes from</h2>
      <h3>What the call-taker's screen shows (ANI/ALI)</h3>
      <div class="field-pair">
        <Text draft={draft} path={['ani']} label="ANI (callback number delivered)" />
        <Choice draft={draft} path={['ali', 'class']} label="Class of service" options={Object.entries(ALI_CLASS).map(([v, c]) => [v, `${c.code}: ${c.label}`] as const)} />
      </div>
      <div class="field-pair">
        <Text
          draft={draft}
          path={['ali', 'address']}
          label="ALI address"
          hint={phase1 ? 'Phase I is the tower sector, often far from the caller: write the tower, not the caller\'s address.' : 'A landline or Phase II ALI may be wrong too (a ported number, a fix next door: {houseNumber-4}).'}
        />
        <Text draft={draft} path={['ali', 'city']} label="ALI city" />
        <Num draft={draft} path={['ali', 'uncertaintyM']} label="Uncertainty (m)" optional />
      </div>
      <h3>Where it really is, and who calls (ground truth)</h3>
      <div class="field-pair">
        <Text draft={draft} path={['groundTruth', 'location', 'address']} label="Address" />
        <Text draft={draft} path={['groundTruth', 'location', 'unit']} label="Unit" optional />
        <Text draft={draft} path={['groundTruth', 'location', 'city']} label="City" />
      </div>
      <Text draft={draft} path={['groundTruth', 'location', 'crossStreet']} label="Cross street" optional />
      <Lines draft={draft} path={['groundTruth', 'location', 'landmarks']} label="Landmarks (one a line)" />
      <div class="field-pair">
        <Text draft={draft} path={['groundTruth', 'callbackNumber']} label="Callback number" />
        <Text draft={draft} path={['groundTruth', 'callerName']} label="Caller's name" />
      </div>
      <Text draft={draft} path={['groundTruth', 'nature']} label="What is happening" />
      <Check draft={draft} path={['groundTruth', 'noEmergency']} label="No emergency: the right outcome is no dispatch (an accidental call)" />
      <div class="field-pair">
        <Lines draft={draft} path={['groundTruth', 'hazards']} label="Hazards (one a line)" />
        <Lines draft={draft} path={['groundTruth', 'weapons']} label="Weapons (one a line)" />
      </div>
      <div class="field-pair">
        <Lines draft={draft} path={['groundTruth', 'suspects']} label="Suspects (one a line)" />
        <Lines draft={draft} path={['groundTruth', 'vehicles']} label="Vehicles (one a line)" />
      </div>
    </section>
  );
}

const ASPECTS = ['names', 'address', 'callback', 'temperament'] as const;

/** Without a `variation` block nothing varies; within one each aspect is on unless set false, so all four are written out. */
function VariationChecks({ draft }: { draft: ScenarioDraft }) {
  const variation = draft.get(['variation']) as Partial<Record<(typeof ASPECTS)[number], boolean>> | undefined;
  const on = (aspect: (typeof ASPECTS)[number]) => variation !== undefined && variation[aspect] !== false;
  const toggle = (aspect: (typeof ASPECTS)[number], value: boolean) => {
    const next = Object.fromEntries(ASPECTS.map((a) => [a, a === aspect ? value : on(a)]));
    // All off stays written (not removed): a saved change only replaces the fields it sends.
    draft.set(['variation'], next);
  };
  return (
    <div class="checks">
      {ASPECTS.map((aspect) => (
        <label key={aspect} class="check">
          <input type="checkbox" data-testid={`field-variation.${aspect}`} checked={on(aspect)} onChange={(e) => toggle(aspect, e.currentTarget.checked)} />
          {humanize(aspect)}
        </label>
      ))}
    </div>
  );
}

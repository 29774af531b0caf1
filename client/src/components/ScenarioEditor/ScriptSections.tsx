import { Emotion, TraineeIntent } from '../../protocol.js';
import type { ScenarioDraft } from '../../state/scenarioDraft.js';
import { humanize } from '../../words.js';
import { Choice, Items, Lines, Num, Some, Text } from './fields.js';

// What the caller knows and when they say it (facts and reveal rules), what happens as the call
// goes on (timeline), the instructions they can follow, and what the call is scored on (rubric).

const WHEN = [
  ['volunteered', 'Says it unprompted'],
  ['askedFor', 'Only when asked'],
  ['afterCalmed', 'Only when asked and calm enough'],
  ['never', 'Does not know or will not say'],
] as const;
const INTENTS = TraineeIntent.options.map((i) => [i, humanize(i)] as const);
const EMOTIONS = Emotion.options.map((e) => [e, humanize(e)] as const);

export function FactsSection({ draft }: { draft: ScenarioDraft }) {
  return (
    <section class="editor-section" aria-labelledby="sec-facts">
      <h2 id="sec-facts">What the caller knows</h2>
      <Text draft={draft} path={['script', 'openingLine']} label="First words" hint="What the caller says when the call is answered." />
      <Items draft={draft} path={['script', 'revealRules']} title="Fact" testId="reveal-rules" blank={() => ({ fact: '', answer: '', when: 'askedFor', intents: [], keywords: [], values: [] })}>
        {(at) => (
          <>
            <div class="field-pair">
              <Text draft={draft} path={[...at, 'fact']} label="Fact" hint='A short key: "location", "weapon".' />
              <Choice draft={draft} path={[...at, 'when']} label="When it comes out" options={WHEN} />
            </div>
            <Text draft={draft} path={[...at, 'answer']} label="What the caller says" />
            <Text draft={draft} path={[...at, 'wrongFirst']} label="Says wrongly the first time" optional hint="The right answer comes when asked again or read back." />
            <Some draft={draft} path={[...at, 'intents']} label="Questions that ask for it" options={INTENTS} />
            <div class="field-pair">
              <Lines draft={draft} path={[...at, 'keywords']} label="Words that ask for it (one a line)" />
              <Lines draft={draft} path={[...at, 'values']} label="Words that give it away (one a line)" />
            </div>
            <div class="field-pair">
              <Num draft={draft} path={[...at, 'fromMs']} label="Holds from (ms into the call)" optional />
              <Num draft={draft} path={[...at, 'untilMs']} label="Holds until (ms)" optional />
            </div>
          </>
        )}
      </Items>
    </section>
  );
}

export function TimelineSection({ draft }: { draft: ScenarioDraft }) {
  return (
    <section class="editor-section" aria-labelledby="sec-timeline">
      <h2 id="sec-timeline">As the call goes on</h2>
      <Items draft={draft} path={['script', 'timeline']} title="Event" testId="timeline" blank={() => ({ atMs: 30_000, event: '' })}>
        {(at) => (
          <>
            <div class="field-pair">
              <Num draft={draft} path={[...at, 'atMs']} label="At (ms into the call)" step={1000} />
              <Choice draft={draft} path={[...at, 'emotion']} label="Caller becomes" optional options={EMOTIONS} />
            </div>
            <Text draft={draft} path={[...at, 'event']} label="What happens" multiline />
            <Text draft={draft} path={[...at, 'say']} label="What the caller says" optional />
            <Lines draft={draft} path={[...at, 'reveals']} label="Facts that come out with it (one a line)" optional />
          </>
        )}
      </Items>
      <h3>Instructions the caller can follow</h3>
      <Items draft={draft} path={['script', 'preArrivalInstructions']} title="Instruction" testId="instructions" blank={() => ({ text: '', keywords: [] })}>
        {(at) => (
          <>
            <Text draft={draft} path={[...at, 'text']} label="Instruction" />
            <div class="field-pair">
              <Text draft={draft} path={[...at, 'ack']} label="Says doing it" optional />
              <Text draft={draft} path={[...at, 'resist']} label="Says resisting it the first time" optional />
            </div>
            <Lines draft={draft} path={[...at, 'keywords']} label="Words that mean it (one a line)" hint="Empty: read from the instruction." />
          </>
        )}
      </Items>
    </section>
  );
}

export function RubricSection({ draft }: { draft: ScenarioDraft }) {
  return (
    <section class="editor-section" aria-labelledby="sec-rubric">
      <h2 id="sec-rubric">Scored on (rubric)</h2>
      <Items draft={draft} path={['rubric']} title="Item" testId="rubric" blank={() => ({ id: '', label: '', weight: 10 })}>
        {(at) => (
          <>
            <div class="field-pair">
              <Text draft={draft} path={[...at, 'id']} label="Id" hint="Lowercase letters, digits and underscores." />
              <Num draft={draft} path={[...at, 'weight']} label="Weight" />
            </div>
            <Text draft={draft} path={[...at, 'label']} label="What the trainee should do" />
            <Lines draft={draft} path={[...at, 'facts']} label="Facts it checks (one a line)" optional />
          </>
        )}
      </Items>
    </section>
  );
}

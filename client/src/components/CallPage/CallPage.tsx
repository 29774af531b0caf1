import { useRoute } from 'preact-iso';
import { isOver } from '../../state/call.js';
import { useCallStore, useSoftphoneStore, useStores } from '../../state/context.js';
import { EventsList } from '../EventsList/EventsList.js';
import { Softphone } from '../Softphone/Softphone.js';
import { Transcript } from '../Transcript/Transcript.js';
import { TypeLine } from '../TypeLine/TypeLine.js';

export function CallPage() {
  const { params } = useRoute();
  const { session } = useStores();
  const store = useCallStore(params.id ?? '', true);
  const phone = useSoftphoneStore(params.id ?? '', store);
  const call = store.call.value;
  const error = store.error.value;

  if (!call) {
    return (
      <section class="page">
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <p role="status">Loading call…</p>
        )}
      </section>
    );
  }

  // A trainee learns what the emergency is from the caller, not from the scenario title.
  const showScenario = session.role.value !== 'trainee' || isOver(call);
  return (
    <section class="page call-page">
      <div class="page-head">
        <h1>{showScenario ? call.scenario.title : 'Incoming 911 call'}</h1>
        <span class="muted">Trainee: {call.trainee.name}</span>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="call-grid">
        <Softphone call={call} phone={phone} />
        <Transcript segments={call.transcript}>{phone.canControl.value && !isOver(call) && <TypeLine phone={phone} />}</Transcript>
        <EventsList events={call.events} startedAt={call.startedAt} />
      </div>
    </section>
  );
}

import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { FLOOR_ROLES } from '../../protocol.js';
import { isOver } from '../../state/call.js';
import { useCallStore, useSoftphoneStore, useStores } from '../../state/context.js';
import { Captured } from '../Captured/Captured.js';
import { Checklist } from '../Checklist/Checklist.js';
import { EventsList } from '../EventsList/EventsList.js';
import { Softphone } from '../Softphone/Softphone.js';
import { Transcript } from '../Transcript/Transcript.js';
import { TypeLine } from '../TypeLine/TypeLine.js';
import { PageLoading } from '../PageLoading/PageLoading.js';

export function CallPage() {
  const { params } = useRoute();
  const { session } = useStores();
  const store = useCallStore(params.id ?? '', true);
  const phone = useSoftphoneStore(params.id ?? '', store);
  const call = store.call.value;
  const error = store.error.value;
  const isTrainee = session.role.value === 'trainee';
  // In an exam the trainee works without the live aids until the call is over; the floor always sees them.
  const aids = call !== null && (!isTrainee || call.mode !== 'exam' || isOver(call));

  useEffect(() => {
    if (aids) void store.seedAids();
  }, [store, aids]);

  if (!call) {
    return <PageLoading error={error} what="call" />;
  }

  // A trainee learns what the emergency is from the caller, not from the scenario title.
  const showScenario = !isTrainee || isOver(call);
  const checklist = store.checklist.value;
  return (
    <section class="page call-page">
      <div class="page-head">
        <h1>{showScenario ? call.scenario.title : 'Incoming 911 call'}</h1>
        <span class={`mode-pill mode-${call.mode}`} data-testid="call-mode-badge" data-mode={call.mode}>
          {call.mode === 'exam' ? 'Exam' : 'Practice'}
        </span>
        <span class="muted">Trainee: {call.trainee.name}</span>
        {session.can(FLOOR_ROLES) && !isOver(call) && (
          <a href={`/calls/${call.id}/supervise`} data-testid="supervise-link">
            Supervise
          </a>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class={`call-grid${aids ? ' with-aids' : ''}`}>
        <Softphone call={call} phone={phone} />
        <Transcript segments={call.transcript}>{phone.canControl.value && !isOver(call) && <TypeLine phone={phone} />}</Transcript>
        {aids && (
          <div class="call-aids">
            <Captured items={store.captured.value ?? []} />
            {checklist && checklist.length > 0 && <Checklist items={checklist} />}
          </div>
        )}
        <EventsList events={call.events} startedAt={call.startedAt} />
      </div>
    </section>
  );
}

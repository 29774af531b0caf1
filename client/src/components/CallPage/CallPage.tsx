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
import { usePageTitle } from '../../title.js';
import { callStateText } from '../../words.js';

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
  const line = phone.state.value;
  const lineText = callStateText({ status: phone.status.value, onHold: line?.onHold, transferring: line?.transfer?.stage === 'conferenced' });
  // A trainee learns what the emergency is from the caller, not from the scenario title.
  const showScenario = call !== null && (!isTrainee || isOver(call));
  const heading = showScenario ? call.scenario.title : lineText;
  usePageTitle(heading);

  if (!call) {
    return <PageLoading error={error} what="call" />;
  }

  const checklist = store.checklist.value;
  return (
    <section class="page call-page">
      <div class="page-head">
        <h1 data-testid="call-heading">{heading}</h1>
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
      <p class="visually-hidden" role="status" data-testid="call-announcer">
        {lineText}
      </p>
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

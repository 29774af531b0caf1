import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { INSTRUCTOR_ROLES } from '../../protocol.js';
import { isOver } from '../../state/call.js';
import { useCallStore, useSoftphoneStore, useSteerStore, useStores, useSupervisionStore } from '../../state/context.js';
import { Captured } from '../Captured/Captured.js';
import { Checklist } from '../Checklist/Checklist.js';
import { EventsList } from '../EventsList/EventsList.js';
import { Softphone } from '../Softphone/Softphone.js';
import { SteerPanel } from '../SteerPanel/SteerPanel.js';
import { Transcript } from '../Transcript/Transcript.js';
import { SupervisionControls } from './SupervisionControls.js';
import { PageLoading } from '../PageLoading/PageLoading.js';
import { usePageTitle } from '../../title.js';

/**
 * Someone from the floor in a live call: the trainee's line as they see it (read-only), the
 * supervision keys, the live transcript and checklist, and for instructors the caller's steering.
 */
export function SupervisePage() {
  const { params } = useRoute();
  const callId = params.id ?? '';
  const { session } = useStores();
  const store = useCallStore(callId, true);
  const phone = useSoftphoneStore(callId, store);
  const supervision = useSupervisionStore(callId);
  const instructor = session.can(INSTRUCTOR_ROLES);
  const call = store.call.value;
  const steer = useSteerStore(callId, call?.scenario.id ?? null, instructor);
  const live = phone.live.value && call !== null && !isOver(call);

  usePageTitle(call ? `Supervise: ${call.scenario.title}` : 'Supervise');
  useEffect(() => void store.seedAids(), [store]);
  useEffect(() => {
    if (call && !live) supervision.ended();
  }, [call !== null, live]);

  if (!call) {
    return <PageLoading error={store.error.value} what="call" />;
  }

  const checklist = store.checklist.value;
  return (
    <section class="page call-page supervise-page" data-testid="supervise-page" data-call-id={call.id}>
      <div class="page-head">
        <h1>{call.scenario.title}</h1>
        <span class={`mode-pill mode-${call.mode}`} data-testid="call-mode-badge" data-mode={call.mode}>
          {call.mode === 'exam' ? 'Exam' : 'Practice'}
        </span>
        <span class="muted">Trainee: {call.trainee.name}</span>
        <a href="/floor">Back to the floor</a>
      </div>
      <div class="call-grid with-aids">
        <div class="supervise-side">
          <SupervisionControls supervision={supervision} live={live} />
          <Softphone call={call} phone={phone} />
        </div>
        <Transcript segments={call.transcript} />
        <div class="call-aids">
          {instructor && live && <SteerPanel steer={steer} />}
          <Captured items={store.captured.value ?? []} />
          {checklist && checklist.length > 0 && <Checklist items={checklist} />}
        </div>
        <EventsList events={call.events} startedAt={call.startedAt} />
      </div>
    </section>
  );
}

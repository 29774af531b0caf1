import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { createApi } from '../api.js';
import { createCallStore, type CallStore } from './call.js';
import { createCallsStore } from './calls.js';
import { createClassesStore } from './classes.js';
import { createConnectionStore } from './connection.js';
import { createFloorStore } from './floor.js';
import { createHistoryStore, type HistoryStore } from './history.js';
import { createPlayerStore, type PlayerStore } from './player.js';
import { createReviewStore, type ReviewStore } from './review.js';
import { createScenariosStore } from './scenarios.js';
import { createSessionStore } from './session.js';
import { createSoftphoneStore, type SoftphoneStore } from './softphone.js';
import { createSteerStore, type SteerStore } from './steer.js';
import { createSupervisionStore, type SupervisionStore } from './supervision.js';
import { createUsersStore } from './users.js';

/** Everything the app holds, wired once; the transport stays inside the stores. */
export function createStores() {
  const api = createApi({ onUnauthorized: () => session.expire() });
  const session = createSessionStore(api);
  const connection = createConnectionStore(session);
  return {
    session,
    connection,
    calls: createCallsStore(api, connection),
    floor: createFloorStore(api, connection),
    scenarios: createScenariosStore(api),
    classes: createClassesStore(api),
    /** Accounts, for admins. */
    users: createUsersStore(api),
    /** The calls that need no session or belong to anyone signed in: sign-on, links, one's own password. */
    account: {
      ssoEnabled: api.ssoEnabled,
      checkInvite: api.checkInvite,
      acceptInvite: api.acceptInvite,
      changePassword: api.changePassword,
    },
    /** A store for one call, made per page and dropped with it. */
    callStore: (callId: string): CallStore => createCallStore(callId, api, connection),
    /** The after-action review of one call, made per page. */
    reviewStore: (callId: string): ReviewStore => createReviewStore(callId, api),
    /** One trainee's scores over time, made per page. */
    historyStore: (traineeId: string): HistoryStore => createHistoryStore(traineeId, api),
    /** The phone of one call (its CallState and, for its trainee, the audio), made per page. */
    softphoneStore: (callId: string, call: CallStore): SoftphoneStore => createSoftphoneStore(callId, { connection, session, call }),
    /** Someone from the floor supervising one call, made per page. */
    supervisionStore: (callId: string): SupervisionStore => createSupervisionStore(callId, { connection, session }),
    /** An instructor steering one call's caller, made per page. */
    steerStore: (callId: string): SteerStore => createSteerStore(callId, { api, connection }),
  };
}

export type Stores = ReturnType<typeof createStores>;

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ComponentChildren }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresProvider>');
  return stores;
}

/** The store of one call; `live` follows its socket room while the component is mounted. */
export function useCallStore(callId: string, live: boolean): CallStore {
  const { callStore } = useStores();
  const store = useMemo(() => callStore(callId), [callStore, callId]);
  useEffect(() => (live ? store.follow() : void store.load()), [store, live]);
  return store;
}

/** The phone of the call shown on this page; its media closes when the page goes away. */
export function useSoftphoneStore(callId: string, call: CallStore): SoftphoneStore {
  const { softphoneStore } = useStores();
  const store = useMemo(() => softphoneStore(callId, call), [softphoneStore, callId, call]);
  useEffect(() => store.start(), [store]);
  return store;
}

/** Supervising the call shown on this page; it leaves the call when the page goes away. */
export function useSupervisionStore(callId: string): SupervisionStore {
  const { supervisionStore } = useStores();
  const store = useMemo(() => supervisionStore(callId), [supervisionStore, callId]);
  useEffect(() => store.start(), [store]);
  return store;
}

/** Steering this page's call; the scenario's facts load once its id is known. */
export function useSteerStore(callId: string, scenarioId: string | null, enabled: boolean): SteerStore {
  const { steerStore } = useStores();
  const store = useMemo(() => steerStore(callId), [steerStore, callId]);
  useEffect(() => {
    if (enabled && scenarioId) void store.loadFacts(scenarioId);
  }, [store, scenarioId, enabled]);
  return store;
}

/** The review of one call, loaded when the page opens. */
export function useReviewStore(callId: string): ReviewStore {
  const { reviewStore } = useStores();
  const store = useMemo(() => reviewStore(callId), [reviewStore, callId]);
  useEffect(() => void store.load(), [store]);
  return store;
}

/** A trainee's history, loaded when the page opens. */
export function useHistoryStore(traineeId: string): HistoryStore {
  const { historyStore } = useStores();
  const store = useMemo(() => historyStore(traineeId), [historyStore, traineeId]);
  useEffect(() => void store.load(), [store]);
  return store;
}

/** The review page's recording clock; lives as long as the page. */
export function usePlayerStore(): PlayerStore {
  return useMemo(() => createPlayerStore(), []);
}

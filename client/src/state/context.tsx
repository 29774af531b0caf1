import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { createApi } from '../api.js';
import { createCallStore, type CallStore } from './call.js';
import { createCallsStore } from './calls.js';
import { createConnectionStore } from './connection.js';
import { createFloorStore } from './floor.js';
import { createScenariosStore } from './scenarios.js';
import { createSessionStore } from './session.js';
import { createSoftphoneStore, type SoftphoneStore } from './softphone.js';

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
    /** A store for one call, made per page and dropped with it. */
    callStore: (callId: string): CallStore => createCallStore(callId, api, connection),
    /** The phone of one call (its CallState and, for its trainee, the audio), made per page. */
    softphoneStore: (callId: string, call: CallStore): SoftphoneStore => createSoftphoneStore(callId, { connection, session, call }),
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

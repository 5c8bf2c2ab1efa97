// The live view's stream: one EventSource per tab while the session page is open. The browser reconnects by
// itself when the connection drops, and the first snapshot after that is complete, so nothing is missed. A stream
// the server refuses (the staff session ended) closes: then the sign-in is checked again.
import { useEffect, useState } from 'react';
import type { LiveSnapshot } from '../../../server/api/staff.ts';
import { LIVE_EVENT } from '../../../server/api/endpoints.ts';
import { livePath } from '../api/staff.ts';
import { useAuthStore } from '../auth-store.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export function useLive(id: number): { snapshot: LiveSnapshot | null; connection: Connection; reconnect: () => void } {
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [round, setRound] = useState(0);

  useEffect(() => {
    const source = new EventSource(livePath(id));
    source.addEventListener(LIVE_EVENT, (e) => {
      setSnapshot(JSON.parse((e as MessageEvent<string>).data) as LiveSnapshot);
      setConnection('live');
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setConnection('closed');
        void useAuthStore.getState().check().catch(() => undefined);
      } else setConnection('reconnecting');
    };
    return () => source.close();
  }, [id, round]);

  return {
    snapshot,
    connection,
    reconnect: () => {
      setConnection('connecting');
      setRound((r) => r + 1);
    },
  };
}

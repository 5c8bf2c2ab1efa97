// The in-process event bus: services publish what happened after its transaction has committed (a login and its
// outcome, an answer save with its timing events, a page change, a completion); the classroom live view listens.
// A listener runs synchronously within the publishing request, so it must be cheap, and a listener that throws
// never fails that request: the error goes to `onError`.
import type { LoginOutcomeKind } from '../../db/login-outcomes.ts';
import type { TimingEventWrite } from '../../db/timing.ts';

export type SurveyEvent =
  | { type: 'login'; brin: string; outcome: LoginOutcomeKind; classroom: string | null; responseId: number | null; at: Date }
  | { type: 'saved'; responseId: number; answers: number; events: readonly TimingEventWrite[]; offsetMs: number; at: Date }
  | { type: 'page'; responseId: number; pageId: string; at: Date }
  | { type: 'completed'; responseId: number; at: Date };

export type Listener = (e: SurveyEvent) => void;

export function createEventBus(onError: (err: unknown) => void = () => undefined) {
  const listeners = new Set<Listener>();
  return {
    publish(e: SurveyEvent): void {
      for (const l of listeners) {
        try {
          l(e);
        } catch (err) {
          onError(err);
        }
      }
    },
    /** Returns the unsubscribe function. */
    subscribe(l: Listener): () => void {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;

// One virtual student's save queue, doing what the browser's does (client/features/survey/stores/sync.ts and
// survey-store.ts): answers and timing events wait in a queue; a change schedules a send after a short debounce;
// leaving a page sends at once, then the page position; one request at a time, at most 100 answers and 200 events
// each; a failed send is retried with backoff and loses nothing. The client's timers run `speed` times faster,
// like every pause of the wave, so the request pattern is the browser's, compressed in time.
import type { AnswerValue } from '../questionnaire/answers.ts';
import type { SaveAnswersResult, TimingEvent } from '../server/api/student.ts';
import { errorCode, type WaveHttp } from './wave-http.ts';
import type { WaveStats } from './wave-stats.ts';

// The client's constants (sync.ts), in real milliseconds.
const DEBOUNCE_MS = 600;
const RETRY_MS = [1000, 2000, 5000, 10000, 20000];
const ANSWERS_PER_REQUEST = 100;
const EVENTS_PER_REQUEST = 200;

interface PendingAnswer {
  value: AnswerValue | null;
  seq: number;
  changedAt: string;
}

export class StudentSync {
  private pending = new Map<string, PendingAnswer>();
  private events: TimingEvent[] = [];
  private pageUnsent: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private lastSeq = 0;
  private eventCounter = 0;
  /** Set when the server ended the session or closed the response: nothing more is sent. */
  closedBy: string | null = null;

  constructor(
    private readonly http: WaveHttp,
    private readonly stats: WaveStats,
    private readonly cookie: string,
    private readonly speed: number,
    private readonly tab: string,
  ) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  answerChanged(questionId: string, value: AnswerValue | null): void {
    // nextSeq in survey-store.ts: rises with time, and always on one device.
    this.lastSeq = Math.max(Date.now() * 1000, this.lastSeq + 1);
    this.pending.set(questionId, { value, seq: this.lastSeq, changedAt: new Date().toISOString() });
    this.eventRecorded('answer', questionId);
  }

  eventRecorded(type: TimingEvent['type'], target?: string): void {
    this.events.push({ id: `${this.tab}:${++this.eventCounter}`, type, at: new Date().toISOString(), ...(target ? { target } : {}) });
  }

  /** A move to a question page: queued for the server like an answer (the finish step is not a page). */
  stepChanged(pageId: string | null): void {
    if (pageId) this.pageUnsent = pageId;
  }

  scheduleFlush(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay / this.speed);
  }

  /** Sends everything queued; resolves when the queue is empty or a send failed (a retry is then scheduled). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) return this.inFlight.then(() => (this.queued() ? this.flush() : undefined));
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private queued(): boolean {
    return this.closedBy === null && (this.pending.size > 0 || this.events.length > 0 || this.pageUnsent !== null);
  }

  private async send(): Promise<void> {
    if (!this.queued()) return;
    for (;;) {
      const answers = [...this.pending].slice(0, ANSWERS_PER_REQUEST).map(([questionId, p]) => ({ questionId, ...p }));
      const events = this.events.slice(0, EVENTS_PER_REQUEST);
      if (answers.length === 0 && events.length === 0) break;
      const res = await this.http.call('save', 'PUT', '/api/survey/answers', { cookie: this.cookie, body: { answers, events, sentAt: new Date().toISOString() } });
      if (res.status !== 200) return this.failed('save', res.status, errorCode(res));
      const { acknowledged } = JSON.parse(res.body) as SaveAnswersResult;
      for (const a of acknowledged) if (this.pending.get(a.questionId)?.seq === a.seq) this.pending.delete(a.questionId);
      const sent = new Set(events.map((e) => e.id));
      this.events = this.events.filter((e) => !sent.has(e.id));
      this.stats.saved(answers.length);
      // An answer changed again while its save was under way stays pending with its newer seq: loop.
      if (answers.length < ANSWERS_PER_REQUEST && events.length < EVENTS_PER_REQUEST && this.pending.size === 0) break;
    }
    const page = this.pageUnsent;
    if (page !== null) {
      const res = await this.http.call('page', 'PUT', '/api/survey/page', { cookie: this.cookie, body: { pageId: page } });
      if (res.status !== 204) return this.failed('page', res.status, errorCode(res));
      if (this.pageUnsent === page) this.pageUnsent = null;
    }
    this.failures = 0;
  }

  private failed(type: 'save' | 'page', status: number, code: string | undefined): void {
    // The browser stops on these two and shows the login or the thank-you page; a real student would notice.
    if (code === 'already_completed' || code === 'no_session') {
      this.closedBy = code;
      this.stats.error(type, `${status} ${code}`);
      return;
    }
    if (status !== 0) this.stats.error(type, `${status} ${code ?? ''}`.trim());
    this.stats.count(`${type} retried`);
    this.scheduleFlush(RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]);
  }
}

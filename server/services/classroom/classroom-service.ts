// Classroom sessions: staff create them (a code, a link, expiring at the end of the day in the Netherlands),
// students join by link or code, and the live view follows the class through the event bus: logins with the
// code, answer saves, page changes and completions of the responses that logged in through the session.
// State of watched sessions is kept in memory (loaded from the database once) and sent to the watchers at most
// once a second per session.
import type { Repos } from '../../db/index.ts';
import type { ClassroomSessionRow } from '../../db/classroom.ts';
import type { ClassroomSession, LiveSnapshot } from '../../api/staff.ts';
import type { ClassroomJoinResult } from '../../api/classroom.ts';
import { classroomLink } from '../../api/endpoints.ts';
import type { Definitions } from '../survey/definitions.ts';
import { AppError, badRequest } from '../common/errors.ts';
import { requireAccess, requireScope, forbidden, type StaffPrincipal } from '../staff/access.ts';
import type { EventBus, SurveyEvent } from './event-bus.ts';
import { newClassroomCode } from './codes.ts';
import { endOfDayAmsterdam } from './day-end.ts';
import { LiveSession, type Member, type PageInfo } from './live-session.ts';
import { PageClock } from './page-clock.ts';
import { createNationalPageTimes } from './national-page-times.ts';

/** A live view gets at most one snapshot a second per session (the view is "within 2 s"). */
export const SEND_INTERVAL_MS = 1000;
/** While anyone watches: a fresh snapshot this often even without events (time on the open pages runs on), and the
 * national medians refreshed every NATIONAL_EVERY ticks (a minute). */
const TICK_MS = 10_000;
const NATIONAL_EVERY = 6;
/** Sessions listed: those of the last days. */
const LIST_DAYS = 30;
/** Joins counted per session: far above a class, and a bound on what an anonymous caller can add. */
export const MAX_JOINS = 500;

export const codeUnknown = () =>
  new AppError('classroom_code_unknown', { nl: 'Deze klascode bestaat niet of is verlopen.', en: 'This class code does not exist or has expired.' });
const sessionNotFound = () => new AppError('not_found', { nl: 'Deze klassessie bestaat niet.', en: 'This classroom session does not exist.' });

/** As the contract's schemas parse them (the code normalised to capitals). */
export interface CreateClassroomSession {
  brin: string;
  name: string;
}
export interface ClassroomJoin {
  code: string;
  joinId: string;
}

export interface ClassroomDeps {
  repos: Repos;
  bus: EventBus;
  definitions: Definitions;
  /** The questionnaire version new respondents get: its pages are the live view's. */
  currentVersion: string;
  now: () => Date;
  onError?: (err: unknown) => void;
}

export function createClassroomService({ repos, bus, definitions, currentVersion, now, onError = () => undefined }: ClassroomDeps) {
  const national = createNationalPageTimes({ repos });
  /** Which session each member response of an unexpired session counts in (the one it joined last). */
  const sessionOf = new Map<number, number>();
  for (const m of repos.classroom.liveMembers(now().toISOString())) sessionOf.set(m.responseId, m.sessionId);
  /** Sessions held in memory: loaded when first watched or joined, dropped when expired and unwatched. */
  const live = new Map<number, LiveSession>();
  let ticker: ReturnType<typeof setInterval> | undefined;
  let ticks = 0;

  const toSession = (r: ClassroomSessionRow): ClassroomSession => ({
    id: r.id,
    code: r.code,
    brin: r.brin,
    institutionName: r.institutionName,
    name: r.name,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    expired: now().toISOString() >= r.expiresAt,
    link: classroomLink(r.code),
  });

  const pagesOf = (version: string, moduleVersion: string | null): PageInfo[] =>
    definitions.withModule(version, moduleVersion).pages.map((p) => ({ id: p.id, title: p.title }));

  function memberFrom(responseId: number, status: Member['status'], page: string | null, answered: boolean): Member {
    const clock = new PageClock();
    for (const e of repos.timing.events(responseId)) clock.add([{ id: e.eventId, type: e.type, target: e.target, clientAt: e.clientAt }], e.offsetMs);
    return { status, page, answered, clock };
  }

  /** The session's live state, read from the database the first time. */
  function load(row: ClassroomSessionRow): LiveSession {
    let s = live.get(row.id);
    if (s) return s;
    s = new LiveSession(row.id, row.brin, row.expiresAt);
    s.addPages(pagesOf(currentVersion, definitions.currentModule(row.brin)));
    s.joined = repos.classroom.joins(row.id);
    for (const o of repos.classroom.outcomes(row.id)) s.outcomes[o.outcome] = o.n;
    for (const m of repos.classroom.members(row.id)) {
      if (sessionOf.get(m.responseId) !== row.id && !s.expired(now())) continue; // it joined a later session since
      s.members.set(m.responseId, memberFrom(m.responseId, m.status, m.currentPage, m.answered === 1));
      s.addPages(pagesOf(m.questionnaireVersion, m.moduleVersion));
    }
    live.set(row.id, s);
    return s;
  }

  let snapshotsSent = 0;
  let sendingNs = 0n;
  function send(s: LiveSession): void {
    const started = process.hrtime.bigint();
    s.timer = undefined;
    s.lastSentAt = Date.now();
    const json = JSON.stringify(s.snapshot(now(), national.median));
    for (const v of s.viewers) v(json);
    snapshotsSent += s.viewers.size;
    sendingNs += process.hrtime.bigint() - started;
  }

  /** Something changed: watchers get a snapshot soon, at most one a second. */
  function changed(s: LiveSession): void {
    if (s.viewers.size === 0 || s.timer) return;
    s.timer = setTimeout(() => send(s), Math.max(0, s.lastSentAt + SEND_INTERVAL_MS - Date.now()));
  }

  function watchedPages(): Set<string> {
    const ids = new Set<string>();
    for (const s of live.values()) if (s.viewers.size > 0) for (const p of s.pages) ids.add(p.id);
    return ids;
  }

  function refreshNational(): void {
    national.refresh(watchedPages()).then(
      () => {
        for (const s of live.values()) changed(s);
      },
      (err: unknown) => onError(err),
    );
  }

  /** Forgets expired sessions nobody watches. */
  function sweep(): void {
    const t = now();
    for (const [id, s] of live) if (s.expired(t) && s.viewers.size === 0) live.delete(id);
    for (const [responseId, sessionId] of sessionOf) {
      const s = live.get(sessionId);
      if (s?.expired(t) || (!s && (repos.classroom.get(sessionId)?.expiresAt ?? '') <= t.toISOString())) sessionOf.delete(responseId);
    }
  }

  function onLogin(e: Extract<SurveyEvent, { type: 'login' }>): void {
    if (!e.classroom) return;
    const row = repos.classroom.byCode(e.classroom);
    if (!row || row.brin !== e.brin || e.at.toISOString() >= row.expiresAt) return;
    const at = e.at.toISOString();
    const member = e.outcome === 'success' && e.responseId !== null ? e.responseId : null;
    repos
      .commit(() => {
        repos.classroom.recordOutcome(row.id, e.outcome);
        if (member !== null) repos.classroom.addMember(row.id, member, at);
      })
      .catch(onError);
    // Counted in memory at once, so the saves that follow the login are already the class's.
    if (member !== null) sessionOf.set(member, row.id);
    const s = live.get(row.id);
    if (!s) return;
    s.outcomes[e.outcome]++;
    if (member !== null && !s.members.has(member)) {
      const r = repos.responses.get(member);
      if (r) {
        s.members.set(member, memberFrom(member, r.status, r.currentPage, repos.responses.answers(member).length > 0));
        s.addPages(pagesOf(r.questionnaireVersion, r.moduleVersion));
      }
    }
    changed(s);
  }

  function onEvent(e: SurveyEvent): void {
    if (e.type === 'login') return onLogin(e);
    const sessionId = sessionOf.get(e.responseId);
    if (sessionId === undefined) return;
    const s = live.get(sessionId);
    const m = s?.members.get(e.responseId);
    if (!s || !m) return;
    if (e.type === 'saved') {
      if (e.answers > 0) m.answered = true;
      if (e.events.length) m.clock.add(e.events, e.offsetMs);
    } else if (e.type === 'page') m.page = e.pageId;
    else m.status = 'completed';
    changed(s);
  }
  const unsubscribe = bus.subscribe(onEvent);
  const sweeper = setInterval(sweep, 10 * 60_000);
  sweeper.unref();

  function readable(who: StaffPrincipal, id: number): ClassroomSessionRow {
    const row = repos.classroom.get(id);
    if (!row) throw sessionNotFound();
    requireAccess(who, 'classroom', row.brin);
    return row;
  }

  return {
    async create(who: StaffPrincipal, input: CreateClassroomSession): Promise<ClassroomSession> {
      requireAccess(who, 'classroom', input.brin);
      if (!repos.institutions.get(input.brin)) {
        throw badRequest([{ path: 'brin', message: 'unknown institution' }], { nl: `Instelling ${input.brin} is onbekend.`, en: `Institution ${input.brin} is not known.` });
      }
      const at = now();
      for (let attempt = 0; ; attempt++) {
        try {
          const id = await repos.commit(() =>
            repos.classroom.create({ code: newClassroomCode(), brin: input.brin, name: input.name, createdBy: who.id, createdAt: at.toISOString(), expiresAt: endOfDayAmsterdam(at).toISOString() }),
          );
          return toSession(repos.classroom.get(id)!);
        } catch (err) {
          // A code drawn twice (1 in 887 million per session): draw again.
          if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= 5) throw err;
        }
      }
    },

    /** Sessions of the last days that `who` may see, newest first; of one institution when `brin` is given. */
    list(who: StaffPrincipal, brin?: string): ClassroomSession[] {
      const scope = requireScope(who, 'classroom');
      if (scope && brin && brin !== scope) throw forbidden();
      const since = new Date(now().getTime() - LIST_DAYS * 86_400_000).toISOString();
      return repos.classroom.list(since, scope ?? brin ?? null).map(toSession);
    },

    get: (who: StaffPrincipal, id: number): ClassroomSession => toSession(readable(who, id)),

    /** A student opened the link or typed the code: counted once per browser tab. */
    async join(req: ClassroomJoin): Promise<ClassroomJoinResult> {
      const row = repos.classroom.byCode(req.code);
      const at = now();
      if (!row || at.toISOString() >= row.expiresAt) throw codeUnknown();
      const isNew = await repos.commit(() => repos.classroom.joins(row.id) < MAX_JOINS && repos.classroom.join(row.id, req.joinId, at.toISOString()));
      const s = live.get(row.id);
      if (isNew && s) {
        s.joined++;
        changed(s);
      }
      return { code: row.code, brin: row.brin, institutionName: row.institutionName, name: row.name };
    },

    /**
     * Follows a session: `send` gets the snapshot (JSON) now and after every change, at most once a second.
     * Returns the function that stops it.
     */
    watch(who: StaffPrincipal, id: number, sendTo: (json: string) => void): () => void {
      const s = load(readable(who, id));
      s.viewers.add(sendTo);
      sendTo(JSON.stringify(s.snapshot(now(), national.median)));
      if (!ticker) {
        refreshNational();
        ticker = setInterval(() => {
          if (++ticks % NATIONAL_EVERY === 0) refreshNational();
          else for (const x of live.values()) changed(x);
        }, TICK_MS);
        ticker.unref();
      }
      return () => {
        s.viewers.delete(sendTo);
        if (s.viewers.size === 0 && s.timer) {
          clearTimeout(s.timer);
          s.timer = undefined;
        }
        if (ticker && ![...live.values()].some((x) => x.viewers.size > 0)) {
          clearInterval(ticker);
          ticker = undefined;
        }
      };
    },

    /** The current snapshot of a session (what a watcher would get now). */
    snapshot: (who: StaffPrincipal, id: number): LiveSnapshot => load(readable(who, id)).snapshot(now(), national.median),

    national,

    /** For the benchmark: snapshots sent to watchers so far, the time spent making and writing them, sessions held in memory. */
    stats: () => ({ snapshotsSent, sendingMs: Number(sendingNs) / 1e6, sessionsInMemory: live.size }),

    /** Stops listening and every timer (tests, shutdown). */
    close(): void {
      unsubscribe();
      clearInterval(sweeper);
      if (ticker) clearInterval(ticker);
      for (const s of live.values()) if (s.timer) clearTimeout(s.timer);
    },
  };
}
export type ClassroomService = ReturnType<typeof createClassroomService>;

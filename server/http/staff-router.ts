// The staff API under /api/staff: sign-in, the signed-in user, institutions and their settings, staff accounts,
// classroom sessions and their live view (server-sent events), and the reporting and label-file routers. The area's
// security headers and cross-site check (JSON, or a label file upload) come first. Every route but login and logout
// requires a staff session; which role may do what is checked by the services (services/staff/access.ts) on every call.
import express, { Router } from 'express';
import type { Config } from '../config.ts';
import { staffApi as api, LIVE_EVENT } from '../api/endpoints.ts';
import {
  brinParamSchema,
  createClassroomSessionRequestSchema,
  idParamSchema,
  institutionSettingsRequestSchema,
  listClassroomSessionsQuerySchema,
  staffLoginRequestSchema,
} from '../api/staff.ts';
import type { StaffSessionService } from '../services/staff/staff-sessions.ts';
import type { StaffDirectory } from '../services/staff/staff-directory.ts';
import type { ClassroomService } from '../services/classroom/classroom-service.ts';
import { AppError } from '../services/common/errors.ts';
import { BODY_LIMIT, parse } from './middleware/validate.ts';
import { notFoundHandler } from './middleware/errors.ts';
import { apiHeaders } from './middleware/security-headers.ts';
import { sameOriginWithUploads } from './middleware/same-origin.ts';
import { clearStaffCookie, requireStaff, setStaffCookie, staffToken } from './middleware/staff-session.ts';
import { openEventStream } from './middleware/event-stream.ts';
import { staffReportsRouter } from './staff-reports-router.ts';
import { staffLabelsRouter } from './staff-labels-router.ts';
import type { LabelUploads } from '../services/labels/label-uploads.ts';
import type { StaffReports } from '../services/reporting/staff-reports.ts';
import { requireAccess, type StaffAction } from '../services/staff/access.ts';
import type { ReportArea } from '../api/staff-reports.ts';

/** What each reporting area asks of the staff roles (a data file is results). */
const REPORT_ACTION: Record<ReportArea, StaffAction> = { response: 'response', cleaning: 'cleaning', results: 'results', export: 'results' };

/** Live streams one staff session may hold open at once (one per tab). */
export const STREAMS_PER_SESSION = 10;

export interface StaffRouterDeps {
  config: Config;
  staffSessions: StaffSessionService;
  staffDirectory: StaffDirectory;
  classroom: ClassroomService;
  reports: StaffReports;
  labelUploads: LabelUploads;
}

export function staffRouter({ config, staffSessions, staffDirectory, classroom, reports, labelUploads }: StaffRouterDeps): Router {
  const r = Router({ caseSensitive: true, strict: true });
  const json = express.json({ limit: BODY_LIMIT, strict: true });
  const streams = new Map<string, number>();
  r.use(apiHeaders(config), sameOriginWithUploads);

  r.post(api.login.route, json, async (req, res) => {
    const { email, password } = parse(staffLoginRequestSchema, req.body);
    const { token, user } = await staffSessions.login(email, password, req.ip ?? '');
    setStaffCookie(res, token, config);
    res.json(user);
  });
  r.post(api.logout.route, async (req, res) => {
    const token = staffToken(req);
    if (token) await staffSessions.logout(token);
    clearStaffCookie(res, config);
    res.status(204).end();
  });

  r.use(requireStaff(staffSessions, config));
  r.get(api.me.route, (_req, res) => {
    res.json(staffSessions.toStaffUser(res.locals.staff!));
  });
  r.get(api.institutions.route, (_req, res) => {
    res.json(staffDirectory.institutions(res.locals.staff!));
  });
  r.get(api.settings.route, (req, res) => {
    res.json(staffDirectory.settings(res.locals.staff!, parse(brinParamSchema, req.params).brin));
  });
  r.put(api.updateSettings.route, json, (req, res) => {
    const { brin } = parse(brinParamSchema, req.params);
    res.json(staffDirectory.updateSettings(res.locals.staff!, brin, parse(institutionSettingsRequestSchema, req.body)));
  });
  r.get(api.users.route, (_req, res) => {
    res.json(staffDirectory.users(res.locals.staff!));
  });

  r.get(api.sessions.route, (req, res) => {
    res.json(classroom.list(res.locals.staff!, parse(listClassroomSessionsQuerySchema, req.query).brin));
  });
  r.post(api.createSession.route, json, async (req, res) => {
    res.status(201).json(await classroom.create(res.locals.staff!, parse(createClassroomSessionRequestSchema, req.body)));
  });
  r.get(api.session.route, (req, res) => {
    res.json(classroom.get(res.locals.staff!, parse(idParamSchema, req.params).id));
  });
  r.get(api.live.route, (req, res) => {
    const who = res.locals.staff!;
    const { id } = parse(idParamSchema, req.params);
    const token = staffToken(req)!;
    const open = streams.get(token) ?? 0;
    if (open >= STREAMS_PER_SESSION) {
      throw new AppError('too_many_streams', { nl: 'Er staan te veel live-overzichten open. Sluit er een.', en: 'Too many live views are open. Close one.' }, { limit: STREAMS_PER_SESSION });
    }
    classroom.get(who, id); // 404 or 403 before the stream opens
    streams.set(token, open + 1);
    const stream = openEventStream(req, res, {
      // An open live view keeps its session alive; a session ended elsewhere (logout, password reset) ends the stream.
      onHeartbeat: () => void staffSessions.resolve(token).catch(() => stream.close()),
      onClose: () => {
        const n = (streams.get(token) ?? 1) - 1;
        if (n > 0) streams.set(token, n);
        else streams.delete(token);
      },
    });
    res.on('close', classroom.watch(who, id, (data) => stream.send(LIVE_EVENT, data)));
  });

  r.use(
    staffReportsRouter({
      reports,
      authorize: (scope, area, _req, res) => requireAccess(res.locals.staff!, REPORT_ACTION[area], scope === 'national' ? undefined : scope),
    }),
  );

  r.use(staffLabelsRouter({ labelUploads }));

  r.use(notFoundHandler);
  return r;
}

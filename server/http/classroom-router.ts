// The student side of classroom sessions, under /api: joining by link or code (before login). The login itself
// carries the code (student-router.ts), so its outcome counts in the session.
import express, { Router } from 'express';
import { studentApi as api } from '../api/endpoints.ts';
import { classroomJoinRequestSchema } from '../api/classroom.ts';
import type { ClassroomService } from '../services/classroom/classroom-service.ts';
import { BODY_LIMIT, parse } from './middleware/validate.ts';

export function classroomJoinRouter({ classroom }: { classroom: ClassroomService }): Router {
  const r = Router({ caseSensitive: true, strict: true });
  r.post(api.joinClassroom.route, express.json({ limit: BODY_LIMIT, strict: true }), async (req, res) => {
    res.json(await classroom.join(parse(classroomJoinRequestSchema, req.body)));
  });
  return r;
}

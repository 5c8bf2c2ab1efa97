// The student API's request schemas and response types. The client imports this file with `import type` only,
// so no server code reaches the browser; the routes parse their input with these schemas.
import { z } from 'zod';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { AnswerValue } from '../../questionnaire/answers.ts';
import { classroomCodeSchema } from './classroom.ts';

/** dd-mm-jjjj as typed on the login page, checked to be a real date; becomes YYYY-MM-DD. */
export const birthDateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}-\d{1,2}-\d{4}$/, 'use dd-mm-jjjj')
  .transform((s, ctx) => {
    const [d, m, y] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
      ctx.addIssue({ code: 'custom', message: 'not a real date' });
      return z.NEVER;
    }
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

export const genders = ['man', 'vrouw', 'anders', 'geen'] as const;
export type Gender = (typeof genders)[number];

export const loginRequestSchema = z.strictObject({
  brin: z.string().regex(/^\d{2}[A-Z]{2}$/),
  surname: z.string().trim().min(1).max(100).regex(/^\P{Cs}*$/u, 'not valid text'),
  birthDate: birthDateSchema,
  gender: z.enum(genders).optional(),
  initial: z.string().trim().regex(/^\p{L}$/u).optional(),
  /** The classroom session's code, when the student came through its link or typed it. */
  classroom: classroomCodeSchema.optional(),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export type LoginResult =
  | { status: 'ok' }
  | { status: 'completed'; completedAt: string }
  | { status: 'ambiguous'; ask: 'gender' | 'initial' };

export const MAX_ANSWERS_PER_SAVE = 200;
export const MAX_EVENTS_PER_SAVE = 300;

/** A timing event as the browser records it; see server/db/migrations/004-timing.sql. */
export const timingEventSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,24}:\d{1,9}$/),
  type: z.enum(['page_shown', 'page_left', 'hidden', 'visible', 'answer']),
  target: z.string().min(1).max(64).optional(),
  at: z.iso.datetime(),
});
export type TimingEvent = z.infer<typeof timingEventSchema>;

export const saveAnswersRequestSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          questionId: z.string().min(1).max(64),
          value: z.unknown(),
          seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          changedAt: z.iso.datetime().optional(),
        }),
      )
      .max(MAX_ANSWERS_PER_SAVE),
    events: z.array(timingEventSchema).max(MAX_EVENTS_PER_SAVE).optional(),
    /** The browser's clock when it sent the request: with the receipt time, corrects a clock that is off. */
    sentAt: z.iso.datetime().optional(),
  })
  .refine((r) => r.answers.length > 0 || (r.events?.length ?? 0) > 0, 'nothing to save');
export type SaveAnswersRequest = z.infer<typeof saveAnswersRequestSchema>;
export interface SaveAnswersResult {
  /** Every answer in the request, stored or already superseded by a newer one: the client may forget them. */
  acknowledged: { questionId: string; seq: number }[];
  /**
   * Timing events that were not kept: dated outside the response's lifetime (clock offset included) or naming a
   * page or question the response does not have. The client may forget them like the others.
   */
  eventsIgnored?: number;
}

export const pageRequestSchema = z.strictObject({ pageId: z.string().min(1).max(64) });

export interface SurveyState {
  status: 'in_progress';
  /** Opaque reference to the response, so a device's unsent answers are never sent for another student. */
  ref: string;
  institution: { brin: string; name: string };
  questionnaire: Questionnaire;
  answers: Record<string, { value: AnswerValue | null; seq: number }>;
  currentPage: string | null;
  context: { leerweg: 'BOL' | 'BBL' | null; niveau: number | null };
}

export interface SubmitResult {
  completedAt: string;
}

export interface InstitutionOption {
  brin: string;
  name: string;
}

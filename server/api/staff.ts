// The staff API's request schemas and response types (under /api/staff, see endpoints.ts). The client imports
// this file with `import type` only; the routes parse their input with these schemas.
import { z } from 'zod';

export const staffRoles = ['admin', 'institution', 'observer'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const brinSchema = z.string().trim().toUpperCase().regex(/^\d{2}[A-Z]{2}$/, 'a BRIN: 2 digits and 2 capital letters, e.g. 25PZ');
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const staffLoginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type StaffLoginRequest = z.input<typeof staffLoginRequestSchema>;

/** The signed-in staff user (GET /api/staff/me). */
export interface StaffUser {
  email: string;
  role: StaffRole;
  /** The institution of an institution user; null for the other roles. */
  brin: string | null;
  institutionName: string | null;
}

export interface StaffUserListItem {
  email: string;
  role: StaffRole;
  brin: string | null;
  createdAt: string;
  passwordChangedAt: string;
}

/** An institution as a staff user may choose it. */
export interface StaffInstitution {
  brin: string;
  name: string;
}

export const brinParamSchema = z.strictObject({ brin: brinSchema });
export const idParamSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });

export interface InstitutionSettings {
  brin: string;
  name: string;
  /** Whether bedrijfsgroep students count in the response overview (never in results). */
  bedrijfsgroepInRespons: boolean;
}
export const institutionSettingsRequestSchema = z.strictObject({ bedrijfsgroepInRespons: z.boolean() });

export const createClassroomSessionRequestSchema = z.strictObject({
  brin: brinSchema,
  name: z.string().trim().min(1).max(60),
});
export type CreateClassroomSessionRequest = z.input<typeof createClassroomSessionRequestSchema>;

export const listClassroomSessionsQuerySchema = z.strictObject({ brin: brinSchema.optional() });

export interface ClassroomSession {
  id: number;
  code: string;
  brin: string;
  institutionName: string;
  name: string;
  createdAt: string;
  /** The end of the day of creation in the Netherlands. */
  expiresAt: string;
  expired: boolean;
  /** The classroom link's path and query (the login page with the school filled in): `/?klas=CODE`. */
  link: string;
}

/** The login outcomes a classroom view shows as failures: who needs help at the door. */
export const loginFailureReasons = ['not_found', 'ambiguous', 'locked', 'completed'] as const;
export type LoginFailureReason = (typeof loginFailureReasons)[number];

export interface LivePage {
  pageId: string;
  title: { nl: string; en: string };
  /** Students of this class on this page right now (in progress). */
  studentsNow: number;
  /** Median active seconds on this page of the students of this class who spent time on it; null for fewer than MIN_FOR_MEDIAN. */
  classMedianSeconds: number | null;
  classCount: number;
  /** Median active seconds of all completed questionnaires on this page; null when none has it yet. */
  nationalMedianSeconds: number | null;
}

/** The live view of one classroom session: counts only, never a name or an answer. */
export interface LiveSnapshot {
  sessionId: number;
  /** When the server made this snapshot. */
  at: string;
  expired: boolean;
  joined: number;
  loggedIn: number;
  /** Logged in, at least one answer saved, not completed. */
  answering: number;
  completed: number;
  failures: Record<LoginFailureReason, number>;
  pages: LivePage[];
}

/** A class median is shown for at least this many students: one student's own time is not shown. */
export const MIN_FOR_MEDIAN = 3;

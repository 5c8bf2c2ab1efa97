// Classroom codes as students type them, and the student-facing join: opening the classroom link or typing the
// code on the login page. Shared by the student API (join, login) and the staff API (the sessions).
import { z } from 'zod';

/** A code as typed (case, spaces and dashes do not matter): 6 characters without look-alikes (no 0/O, 1/I/L). */
export const classroomCodeSchema = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-HJKMNP-Z2-9]{6}$/, 'not a classroom code'));

export const classroomJoinRequestSchema = z.strictObject({
  code: classroomCodeSchema,
  /** A random id the browser tab keeps, so a reload does not count twice. */
  joinId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
});
export type ClassroomJoinRequest = z.input<typeof classroomJoinRequestSchema>;

export interface ClassroomJoinResult {
  code: string;
  brin: string;
  institutionName: string;
  /** The session's name as staff gave it, e.g. "AZ1-3, di 10:00". */
  name: string;
}

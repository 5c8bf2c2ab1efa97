// Classroom codes: 6 characters drawn with node:crypto from an alphabet without look-alikes (no 0/O, 1/I/L).
// The contract's classroomCodeSchema accepts exactly these (test/unit/classroom-codes.test.ts holds them together).
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newClassroomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

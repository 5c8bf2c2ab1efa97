// Parses request input with a zod schema of the contract; failures become one 400 with the issues listed.
import type { z } from 'zod';
import { badRequest } from '../../services/common/errors.ts';

/** The largest request body the API reads (an answer save with its timing events fits many times over). */
export const BODY_LIMIT = '64kb';

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw badRequest(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}

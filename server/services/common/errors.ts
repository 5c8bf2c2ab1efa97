// Typed application errors: a code from the API contract, a message in both languages and the code's details.
// Services throw these; the http layer turns them into the answer with the code's status.
import type { ErrorCode, ErrorDetails, InputProblem } from '../../api/errors.ts';

/** A text the user reads, Dutch first: the one style for two-language messages. */
export interface Message {
  nl: string;
  en: string;
}

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly text: Message,
    readonly details?: ErrorDetails[C],
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  /** Narrows an unknown error to one code, with its details typed. */
  static is<C extends ErrorCode>(err: unknown, code: C): err is AppError<C> {
    return err instanceof AppError && err.code === code;
  }
}

export const badRequest = (details: InputProblem[], text: Message = { nl: 'De invoer klopt niet.', en: 'The input is not valid.' }) =>
  new AppError('invalid_input', text, details);

// Typed application errors: a stable code, an HTTP status and a message in both languages.
export interface Message {
  nl: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: Message,
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const badRequest = (details: unknown, text: Message = { nl: 'De invoer klopt niet.', en: 'The input is not valid.' }) =>
  new AppError('invalid_input', 400, text, details);

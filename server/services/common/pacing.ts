// Long jobs (imports) write in short transactions and pause between them, so the students' writes get in.

/** In the web process: one turn of the event loop, for the requests that are waiting. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * In a process of its own (the CLI) next to a running server: a few milliseconds, long enough for a server
 * write that waits in SQLite's busy handler (it retries after 1, 2, 5, 10 ms ...) to take the write lock.
 */
export const letOtherWritersIn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 4));

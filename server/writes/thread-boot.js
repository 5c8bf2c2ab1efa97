// Entry of the writer thread (writer.ts). A worker thread does not inherit the tsx loader that runs the
// server's TypeScript, so it registers it before loading the thread's module.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');

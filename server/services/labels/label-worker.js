// Entry of the label worker thread. A worker does not inherit the main thread's tsx loader: register it here,
// then load the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./label-worker.ts');

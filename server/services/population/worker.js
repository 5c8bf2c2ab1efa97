// Entry of a population import worker thread. A worker does not inherit the main thread's tsx loader:
// register it here, then load the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

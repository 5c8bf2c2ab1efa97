// Logging out, from the survey, the thank-you page or a new visit on a shared device: what is pending is sent
// first when it can be; what cannot stays queued on this device for the student's next login (survey-store.ts).
import { useAppStore } from '../../app/app-store.ts';
import { tabLoggedOut } from '../login/tab-login.ts';
import { logout } from './api/survey.ts';
import { flush } from './stores/sync.ts';
import { useSurveyStore } from './stores/survey-store.ts';

export async function logOut(): Promise<void> {
  await flush();
  await logout().catch(() => undefined); // offline: the server session ends by itself after its idle time
  tabLoggedOut();
  useSurveyStore.getState().sessionEnded();
  useAppStore.getState().loggedOut();
}

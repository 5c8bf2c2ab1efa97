// Loads the student's response into the store and opens the survey; used after login and on start-up.
// When the server cannot be reached, the survey this device kept is reopened and saves wait in the queue.
import i18next from 'i18next';
import { ApiError, NetworkError } from '../../lib/api.ts';
import { useAppStore } from '../../app/app-store.ts';
import { fetchSurvey } from './api/survey.ts';
import { useSurveyStore } from './stores/survey-store.ts';

export async function enterSurvey(): Promise<void> {
  try {
    const state = await fetchSurvey(i18next.language);
    useSurveyStore.getState().surveyLoaded(state);
    useAppStore.getState().loggedIn();
  } catch (err) {
    if (err instanceof ApiError && err.is('already_completed')) {
      useSurveyStore.getState().surveyClosed();
      useAppStore.getState().completed(err.details?.completedAt ?? new Date().toISOString(), false);
    } else if (err instanceof ApiError && err.is('no_session')) {
      useSurveyStore.getState().sessionEnded();
      useAppStore.getState().loggedOut();
    } else if ((err instanceof NetworkError || (err instanceof ApiError && err.status >= 502)) && useSurveyStore.getState().resumedOffline()) {
      useAppStore.getState().loggedIn();
    } else {
      throw err;
    }
  }
}

// Binds a login to the browser tab it was made in. The session cookie outlives a closed tab (and the server keeps
// a session an idle hour), so on a shared laptop the next person would open the previous student's survey. A mark
// in sessionStorage, which lives and dies with the tab and survives its reloads, tells a reload from a new visit:
// a new visit first ends any session the browser still carries, then shows the login.
const KEY = 'jm.tab';

export function tabIsLoggedIn(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'in';
  } catch {
    return false; // no storage: every visit starts at the login, the safe side on a shared device
  }
}

export function tabLoggedIn(): void {
  try {
    sessionStorage.setItem(KEY, 'in');
  } catch {
    // without storage a reload asks for the login again
  }
}

export function tabLoggedOut(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to remove
  }
}

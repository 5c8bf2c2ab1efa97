// Registers the service worker that caches the app shell (built by vite-plugin-pwa, see vite.config.ts).
// After the page has loaded, so it never competes with the first render; a failure only costs offline use.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return; // the dev server has no /sw.js: registration fails quietly
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

import '../src/define.ts';

const widget = document.querySelector('second-opinion-check')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#demo-locale')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#demo-theme')!;

localeSelect.addEventListener('change', () => {
  if (localeSelect.value) widget.setAttribute('locale', localeSelect.value);
  else widget.removeAttribute('locale');
});
themeSelect.addEventListener('change', () => {
  widget.theme = themeSelect.value as typeof widget.theme;
});

const faultSelect = document.querySelector<HTMLSelectElement>('#demo-fault')!;
faultSelect.addEventListener('change', async () => {
  const fault = faultSelect.value === 'offline' ? 'success' : faultSelect.value;
  await fetch('/api/demo-fault', { method: 'POST', body: JSON.stringify({ fault }) });
});

// The "offline" demo: a browser cannot be taken offline from a page, so this one pretends to
// be for 5 seconds after the next send, then says it is back, as a real `online` event would.
let pretendOffline = false;
Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !pretendOffline });
widget.addEventListener('soc-contact-submit', () => {
  if (faultSelect.value !== 'offline') return;
  pretendOffline = true;
  setTimeout(() => {
    pretendOffline = false;
    window.dispatchEvent(new Event('online'));
  }, 5000);
});

// What a host's analytics would see: step names and counts, never answers.
for (const type of ['soc-start', 'soc-step', 'soc-result', 'soc-restart', 'soc-contact-sent', 'soc-contact-error'] as const) {
  widget.addEventListener(type, (event) => console.info(type, (event as CustomEvent).detail ?? ''));
}

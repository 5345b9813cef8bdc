import '../src/define.ts';

/** The demo receiver's address, from demo/vite.config.ts. */
declare const __RECEIVER_URL__: string;
document.querySelector<HTMLAnchorElement>('#demo-inbox')!.href = `${__RECEIVER_URL__}/inbox`;

const widget = document.querySelector<HTMLElementTagNameMap['second-opinion-check']>('#widget')!;
const launcher = document.querySelector<HTMLElementTagNameMap['second-opinion-check']>('#launcher')!;
const widgets = [widget, launcher];
const localeSelect = document.querySelector<HTMLSelectElement>('#demo-locale')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#demo-theme')!;

const variantSelect = document.querySelector<HTMLSelectElement>('#demo-variant')!;
const brandSelect = document.querySelector<HTMLSelectElement>('#demo-brand')!;

// One language per page: both widgets follow the switch.
localeSelect.addEventListener('change', () => {
  for (const el of widgets) {
    if (localeSelect.value) el.setAttribute('locale', localeSelect.value);
    else el.removeAttribute('locale');
  }
});
themeSelect.addEventListener('change', () => {
  for (const el of widgets) el.theme = themeSelect.value as typeof el.theme;
});
variantSelect.addEventListener('change', () => {
  widget.hidden = variantSelect.value === 'launcher';
  launcher.hidden = variantSelect.value === 'inline';
});
brandSelect.addEventListener('change', () => {
  if (brandSelect.value) document.body.dataset.brand = brandSelect.value;
  else delete document.body.dataset.brand;
});

const faultSelect = document.querySelector<HTMLSelectElement>('#demo-fault')!;
faultSelect.addEventListener('change', async () => {
  const fault = faultSelect.value === 'offline' ? 'success' : faultSelect.value;
  await fetch('/api/demo-fault', {
    method: 'POST',
    body: JSON.stringify({ fault }),
  });
});

// The "offline" demo: a browser cannot be taken offline from a page, so this one pretends to
// be for 5 seconds after the next send, then says it is back, as a real `online` event would.
let pretendOffline = false;
Object.defineProperty(navigator, 'onLine', {
  configurable: true,
  get: () => !pretendOffline,
});
widgets.forEach((el) =>
  el.addEventListener('soc-contact-submit', () => {
    if (faultSelect.value !== 'offline') return;
    pretendOffline = true;
    setTimeout(() => {
      pretendOffline = false;
      window.dispatchEvent(new Event('online'));
    }, 5000);
  }),
);

// What a host's analytics would see: step names and counts, never answers.
for (const type of [
  'soc-start',
  'soc-step',
  'soc-result',
  'soc-restart',
  'soc-open',
  'soc-close',
  'soc-contact-sent',
  'soc-contact-error',
] as const) {
  document.addEventListener(type, (event) => console.info(type, JSON.stringify((event as CustomEvent).detail ?? {})));
}

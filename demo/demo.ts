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

// What a host's analytics would see: step names and counts, never answers.
for (const type of ['soc-start', 'soc-step', 'soc-result', 'soc-restart'] as const) {
  widget.addEventListener(type, (event) => console.info(type, (event as CustomEvent).detail ?? ''));
}

/**
 * The theme tokens: public `--soc-*` custom properties feed private `--_*` ones with a fallback
 * per theme, so a host value always wins and a theme only changes the defaults. The dark
 * defaults are written once and serve both `theme="dark"` and `theme="auto"` on a dark system.
 */
import { css } from 'lit';

const dark = css`
  --_accent: var(--soc-color-accent, #8cc4ff);
  --_on-accent: var(--soc-color-on-accent, #0b1a2b);
  --_text: var(--soc-color-text, #eef1f4);
  --_surface: var(--soc-color-surface, #16191d);
  --_border: var(--soc-color-border, #9aa4b2);
  --_error: var(--soc-color-error, #ffb4ab);
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_accent: var(--soc-color-accent, #0b5cad);
    --_on-accent: var(--soc-color-on-accent, #ffffff);
    --_text: var(--soc-color-text, #1b1f24);
    --_surface: var(--soc-color-surface, #ffffff);
    --_border: var(--soc-color-border, #6b7280);
    --_tint: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    --_radius: var(--soc-radius, 0.5rem);
    --_space: var(--soc-space, 1rem);
    --_error: var(--soc-color-error, #b3261e);
    --_segment-0: var(--_accent);
    --_segment-1: color-mix(in srgb, var(--_accent) 45%, var(--_surface));
    --_segment-2: color-mix(in srgb, var(--_text) 15%, var(--_surface));
    color-scheme: light;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;

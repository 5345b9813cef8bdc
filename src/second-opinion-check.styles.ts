/**
 * The element's styles: layout, parts and states, on top of the theme tokens (theme/tokens.ts).
 * Logical properties throughout, so right-to-left languages need no extra rules.
 */
import { css } from 'lit';
import { tokens } from './theme/tokens.ts';

/**
 * The space the README's host rule reserves before the script loads, kept while the first
 * render waits for the page's language to load, so that nothing moves in between.
 */
export const reservedSpace = css`
  :host(:not([variant='launcher'])) {
    min-block-size: 24rem;
  }
`;

export const styles = css`
  ${tokens}

  :host {
    display: block;
    box-sizing: border-box;
    min-inline-size: 0;
    max-inline-size: var(--soc-max-width, 40rem);
    font-family: var(--soc-font-family, inherit);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base {
    /* Matches the space the README's host rule reserves before the script loads: no layout shift. */
    min-block-size: 24rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }

  .header {
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 600;
  }

  h2,
  h3 {
    line-height: 1.25;
    margin-block: var(--_space) calc(var(--_space) / 2);
  }

  h2 {
    font-size: 1.5em;
  }

  h3 {
    font-size: 1.15em;
  }

  h2:focus {
    outline: none;
  }

  p,
  ul,
  dl,
  blockquote,
  figure {
    margin-block: 0 var(--_space);
  }

  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }

  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
    min-inline-size: 0;
  }

  legend {
    padding: 0;
  }

  .options,
  .checklist {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: 0;
    list-style: none;
  }

  .option {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 44px;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .option:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_tint);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .option input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-block: var(--_space);
  }

  button {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  button.back,
  button.quiet {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    border-color: transparent;
    padding-inline: calc(var(--_space) / 2);
    text-decoration: underline;
  }

  [dir='rtl'] .icon-back {
    transform: scaleX(-1);
  }

  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .progress-text {
    margin: var(--_space) 0 0.25rem;
    font-weight: 600;
  }

  .progress-track {
    display: flex;
    gap: 0.25rem;
  }

  .progress-track span {
    flex: 1;
    block-size: 0.375rem;
    border-radius: 999px;
    background: var(--_segment-2);
  }

  .progress-track span.done {
    background: var(--_accent);
  }

  .error {
    color: var(--_error);
    font-weight: 600;
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) / 2);
  }

  .hint {
    margin-block-start: 0;
  }

  blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    font-style: italic;
  }

  .stats figure {
    margin-inline: 0;
  }

  .bar {
    display: block;
    inline-size: 100%;
    block-size: 1.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }

  [dir='rtl'] .bar {
    transform: scaleX(-1);
  }

  .legend {
    list-style: none;
    padding: 0;
    margin-block: 0.5rem var(--_space);
  }

  .legend li {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }

  .swatch {
    flex: none;
    inline-size: 0.9em;
    block-size: 0.9em;
    border: 1px solid var(--_border);
  }

  rect.segment-0,
  .swatch.segment-0 {
    fill: var(--_segment-0);
    background: var(--_segment-0);
  }

  rect.segment-1,
  .swatch.segment-1 {
    fill: var(--_segment-1);
    background: var(--_segment-1);
  }

  rect.segment-2,
  .swatch.segment-2 {
    fill: var(--_segment-2);
    background: var(--_segment-2);
  }

  .citation,
  .reviewed {
    font-size: 0.9em;
  }

  .contact {
    border-block-start: 1px solid var(--_border);
    margin-block-start: var(--_space);
  }

  .contact dt {
    font-weight: 600;
  }

  .contact dd {
    margin: 0 0 calc(var(--_space) / 2);
  }

  .contact dd a {
    display: inline-block;
    min-block-size: 44px;
    padding-block: 0.6rem;
  }

  .multiline {
    white-space: pre-line;
  }

  .contact-form {
    margin-block-start: var(--_space);
  }

  .field {
    margin-block: 0 var(--_space);
  }

  .field > label:not(.option),
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }

  input:not([type='radio'], [type='checkbox']),
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  input[readonly],
  textarea[readonly] {
    border-style: dashed;
  }

  .options.compact {
    margin-block-end: var(--_space);
  }

  .hint {
    margin-block: 0 0.5rem;
    font-size: 0.95em;
  }

  .counter {
    margin-block-start: 0.25rem;
  }

  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }

  .error-summary h4 {
    margin: 0 0 0.5rem;
    font-size: 1.1em;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .form-status:empty {
    display: none;
  }

  .form-status {
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_tint);
    margin-block-end: var(--_space);
  }

  .form-status.failed {
    border-inline-start-color: var(--_error);
  }

  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .disclaimer {
    margin: var(--_space) 0 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 4px solid var(--_border);
    font-size: 0.95em;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :host([variant='launcher']) {
    max-inline-size: none;
  }

  /* The page's bottom inline-end corner: a physical side, since the widget's dir follows its language. */
  .launcher {
    --_gap: 1.5rem;
    position: fixed;
    inset-block-end: var(--soc-launcher-inset-block-end, var(--_gap));
    right: var(--soc-launcher-inset-inline-end, var(--_gap));
    z-index: var(--soc-z-index, 1000);
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-inline-size: calc(100vw - 2rem);
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
  }

  .page-rtl {
    right: auto;
    left: var(--soc-launcher-inset-inline-end, var(--_gap));
  }

  .launcher-short {
    display: none;
  }

  /* A phone: the closed launcher is compact, its icon and a short label. */
  @media (max-width: 480px) {
    .launcher {
      --_gap: 1rem;
      padding: 0.5rem 0.75rem;
    }
    .launcher-full {
      display: none;
    }
    .launcher-short {
      display: inline;
    }
  }

  .launcher-icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: currentColor;
    flex: none;
  }

  [dir='rtl'] .launcher-icon {
    transform: scaleX(-1);
  }

  .dialog {
    inline-size: min(var(--soc-max-width, 40rem), calc(100vw - 1rem));
    max-inline-size: none;
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }

  .dialog-bar {
    position: sticky;
    inset-block-start: 0;
    display: flex;
    justify-content: flex-end;
    padding: 0.25rem;
    background: var(--_surface);
    z-index: 1;
  }

  .dialog-bar .close {
    font-size: 1.5rem;
    line-height: 1;
  }

  .dialog .base {
    min-block-size: 0;
    border: 0;
    border-radius: 0;
    padding-block-start: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    .option,
    button {
      transition:
        background-color 120ms ease,
        border-color 120ms ease;
    }
  }

  @media (forced-colors: active) {
    .base,
    .option,
    button,
    .bar,
    .swatch,
    .dialog {
      border: 1px solid CanvasText;
    }
    button.primary {
      background: ButtonText;
      border-color: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    /* Backgrounds are dropped in forced colours: outline each segment and fill the done ones. */
    .progress-track span {
      border: 1px solid CanvasText;
      background: Canvas;
      forced-color-adjust: none;
    }
    .progress-track span.done {
      background: CanvasText;
    }
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
    rect.segment-0,
    .swatch.segment-0 {
      fill: CanvasText;
      background: CanvasText;
      forced-color-adjust: none;
    }
    rect.segment-1,
    .swatch.segment-1 {
      fill: GrayText;
      background: GrayText;
      forced-color-adjust: none;
    }
    rect.segment-2,
    .swatch.segment-2 {
      fill: Canvas;
      background: Canvas;
      forced-color-adjust: none;
    }
  }

  @media print {
    .base {
      border: 0;
      padding: 0;
    }
    .no-print,
    button,
    .launcher,
    .contact-form {
      display: none;
    }
  }
`;

/** Registers `<second-opinion-check>`. Safe to load twice: the second time does nothing. */
import { SecondOpinionCheck } from './second-opinion-check.ts';

export const TAG_NAME = 'second-opinion-check';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, SecondOpinionCheck);

declare global {
  interface HTMLElementTagNameMap {
    'second-opinion-check': SecondOpinionCheck;
  }
}

export { SecondOpinionCheck };

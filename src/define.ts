/** Registers `<second-opinion-check>`. Safe to load twice: the second time does nothing. */
import { SecondOpinionCheck } from './second-opinion-check.ts';

export const TAG_NAME = 'second-opinion-check';

// A literal tag name (not a constant) so the manifest analyzer can read it.
if (!customElements.get('second-opinion-check')) customElements.define('second-opinion-check', SecondOpinionCheck);

declare global {
  interface HTMLElementTagNameMap {
    'second-opinion-check': SecondOpinionCheck;
  }
}

export { SecondOpinionCheck };

/**
 * The package's main entry: the element class and its types, with no side effects.
 * Import `second-opinion-check/define` (or call `customElements.define`) to register the tag.
 */
export { SecondOpinionCheck } from './second-opinion-check.ts';
export { scoreSelfCheck } from './questionnaire/scoring.ts';
export { QUESTION_IDS, BARRIER_IDS } from './types.ts';
export { VERSION } from './version.ts';
export type * from './types.ts';
export type * from './events.ts';

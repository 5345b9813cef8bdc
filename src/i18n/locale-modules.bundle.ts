/**
 * The one-file bundle's table of translations (vite.config.ts aliases `locale-modules.ts` to
 * this file): every shipped locale imported statically, so the bundle stays one file with every
 * language inside, and the loaders answer from memory. Not part of the npm build.
 */
import { loadersOf, SHIPPED_LOCALE_MODULES } from './shipped-locales.ts';

export const LOCALE_LOADERS = loadersOf(SHIPPED_LOCALE_MODULES);

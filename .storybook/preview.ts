import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { allLocales } from '../src/generated/locale-codes.ts';
import manifest from '../custom-elements.json';
import { forStorybook, type Manifest } from './custom-elements.ts';
import type { MediaFeatures } from './media.ts';

// Docs pages and controls list the element's API straight from the code's JSDoc.
setCustomElementsManifest(forStorybook(manifest as Manifest));

/** Set in main.ts: the designers' pseudo-locale, or '' when this checkout has none. */
declare const __PSEUDO_LOCALE__: string;

/** Each shipped language, titled in its own language so a speaker can find it. */
const localeItems = [
  ...allLocales.map((code) => ({
    value: code,
    title: `${new Intl.DisplayNames([code], { type: 'language' }).of(code)} (${code})`,
  })),
  ...(__PSEUDO_LOCALE__
    ? [{ value: __PSEUDO_LOCALE__, title: `Pseudo-locale: long, accented text (${__PSEUDO_LOCALE__})` }]
    : []),
];

/**
 * What a story logged that should fail it: any console.error, and any warning from the element
 * itself (a bad attribute, low contrast, an unsupported language), which means the story is
 * set up wrong. Lit's own development-mode notice is a warning from Lit, not the element.
 */
let problems: string[] = [];
const originalConsole = { error: console.error, warn: console.warn };

function watchConsole() {
  problems = [];
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    originalConsole.error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('<second-opinion-check>'))
      problems.push(`console.warn: ${args.map(String).join(' ')}`);
    originalConsole.warn.apply(console, args);
  };
}

function restoreConsole() {
  console.error = originalConsole.error;
  console.warn = originalConsole.warn;
}

/**
 * Controls for the rows read from custom-elements.json: a colour picker or text field for
 * each `--soc-*` custom property (the stories apply them to the element), none for parts and
 * events, which are documentation only.
 */
const apiControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      switch (argType.table?.category) {
        case 'css custom properties':
          return [name, { ...argType, control: { type: name.includes('-color-') ? 'color' : 'text' } }];
        case 'css shadow parts':
        case 'events':
          return [name, { ...argType, control: false }];
        default:
          return [name, argType];
      }
    }),
  );

let emulatedMedia = 'null';

async function emulateMedia(media: MediaFeatures | undefined) {
  const key = JSON.stringify(media ?? null);
  if (!globalThis.emulateStoryMedia || key === emulatedMedia) return;
  emulatedMedia = key;
  await globalThis.emulateStoryMedia(media ?? null);
}

const preview: Preview = {
  parameters: {
    layout: 'padded',
    a11y: {
      // Any axe violation fails the story, in the Storybook UI and in `npm run test:stories`.
      test: 'error',
    },
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        narrow320: {
          name: '320 px (small phone, WCAG reflow)',
          styles: { width: '320px', height: '640px' },
          type: 'mobile',
        },
        phone: { name: '390 px phone', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet: { name: '768 px tablet', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
    options: {
      storySort: {
        order: [
          'Second opinion check',
          ['Docs', 'Intro'],
          'Patient path',
          ['Questions', 'Barriers', 'Results', 'Contact panel', 'Call-back form'],
          'Variants',
          'Look',
          ['Themes', 'Partner brands', 'Forced colours', 'Small screen (320 px)'],
          'Languages',
          ['Intro', 'Result', 'Arabic, right to left'],
          '*',
        ],
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the widget (sets its locale attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [{ value: '', title: 'As the story sets it' }, ...localeItems],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: '' },
  argTypesEnhancers: [apiControls],
  async beforeEach({ parameters }) {
    watchConsole();
    await emulateMedia(parameters.media as MediaFeatures | undefined);
    return restoreConsole;
  },
  afterEach() {
    restoreConsole();
    if (problems.length) throw new Error(`The story logged:\n${problems.join('\n')}`);
  },
};

export default preview;

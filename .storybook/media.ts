/**
 * CSS media features a story can ask for with `parameters.media`, e.g.
 * `{ forcedColors: 'active' }`. Storybook itself cannot switch these (browsers only expose
 * them to DevTools), so in Storybook the story shows a note and the designer turns the feature
 * on in Chrome DevTools → Rendering. The story checks (`npm run test:stories`) do switch them,
 * through Playwright, so those stories are tested in the state they show.
 */
export interface MediaFeatures {
  forcedColors?: 'active' | 'none';
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

declare global {
  /** Set by the story-check setup file only; absent in Storybook. */
  var emulateStoryMedia: ((media: MediaFeatures | null) => Promise<void>) | undefined;
}

/** Loaded by vitest.config.ts only: lets `parameters.media` switch real media features. */
import { commands } from 'vitest/browser';
import type { MediaFeatures } from './media.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia(media: MediaFeatures | null): Promise<void>;
  }
}

globalThis.emulateStoryMedia = (media) => commands.emulateMedia(media);

// Emulation belongs to the browser page, which outlives each story file: start every file
// from the defaults, whatever the file before it asked for.
await commands.emulateMedia(null);

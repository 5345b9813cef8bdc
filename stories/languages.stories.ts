import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { expect } from 'storybook/test';
import { PSEUDO_LOCALE } from '../src/i18n/locale-modules.dev.ts';
import { expectLanguage, getCheck } from './support/flow.ts';

/**
 * Every shipped language, set with the `locale` attribute. To see any other story in another
 * language, use the toolbar's Language menu (it sets the same attribute).
 *
 * The widget keeps one language per page: on a Docs page, every story shows the language that
 * was set last. Open a story on its own to compare.
 *
 * Translations must be reviewed by a qualified medical translator before production use.
 */
const meta = {
  ...baseMeta,
  title: 'Languages/Intro',
  args: { ...baseMeta.args, ...sampleClinic },
  play: async ({ canvasElement, args, globals }) => {
    await expectLanguage(await getCheck(canvasElement), (globals.locale as string) || args.locale!);
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

export const English: Story = { args: { locale: 'en' } };
export const Spanish: Story = { name: 'Español (es)', args: { locale: 'es' } };
export const SimplifiedChinese: Story = { name: '简体中文 (zh-Hans)', args: { locale: 'zh-Hans' } };
export const TraditionalChinese: Story = { name: '繁體中文 (zh-Hant)', args: { locale: 'zh-Hant' } };
export const Vietnamese: Story = { name: 'Tiếng Việt (vi)', args: { locale: 'vi' } };
export const Tagalog: Story = { name: 'Tagalog (tl)', args: { locale: 'tl' } };
export const Korean: Story = { name: '한국어 (ko)', args: { locale: 'ko' } };
export const Russian: Story = { name: 'Русский (ru)', args: { locale: 'ru' } };
export const Arabic: Story = { name: 'العربية (ar)', args: { locale: 'ar' } };

/**
 * The designers' pseudo-locale: every message longer and accented, so text that does not fit
 * or was not translated stands out. Storybook only; it is never shipped.
 */
export const PseudoLocale: Story = {
  name: `Pseudo-locale (${PSEUDO_LOCALE})`,
  args: { locale: PSEUDO_LOCALE },
  play: async (context) => {
    await meta.play(context);
    const check = await getCheck(context.canvasElement);
    await expect(check.shadowRoot?.querySelector('h2')?.textContent).toMatch(/[\u00c0-\u024f]/);
  },
};

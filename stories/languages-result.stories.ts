import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { expectLanguage, getCheck, playToResult } from './support/flow.ts';

/**
 * The result screen, the longest text, in every shipped language: reasons, reassurance for two
 * worries, next steps, evidence with numbers and percentages formatted for the language
 * (`Intl`), and the contact panel. For translators and reviewers.
 */
const meta = {
  ...baseMeta,
  title: 'Languages/Result',
  args: { ...baseMeta.args, ...sampleClinic },
  play: async (context) => {
    const { canvasElement, args, globals } = context;
    await expectLanguage(await getCheck(canvasElement), (globals.locale as string) || args.locale!);
    await playToResult('recommended')(context);
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

import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../src/define.ts';
import { contrastRatio, luminance, lowContrastPairs, toRgb } from '../src/theme/contrast.ts';
import { $, fixtureElement, settle, spyOnWarn, type Attributes, type CheckElement } from './helpers.ts';

/**
 * The guard runs in an idle callback after the first render (at most 1 s later). An idle
 * callback posted after it runs after it, so awaiting one leaves the guard time to speak.
 */
async function frames(count = 2): Promise<void> {
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
  for (let i = 0; i < count; i++) await nextFrame();
}

/** Renders the element inside a container that sets the host's colours, with console.warn wrapped. */
async function renderWithColours(tokens: string, attrs: Attributes = {}) {
  const warn = spyOnWarn();
  try {
    const container = document.createElement('div');
    // The host page styles the element; inline style is fine in the test page.
    const el = document.createElement('second-opinion-check') as CheckElement;
    el.setAttribute('style', tokens);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === true) el.setAttribute(name, '');
      else if (typeof value === 'string') el.setAttribute(name, value);
    }
    container.append(el);
    await fixture(html`${container}`);
    await settle(el);
    await frames();
    return { el, warn };
  } catch (error) {
    warn.restore();
    throw error;
  }
}

const contrastWarnings = (calls: string[]) => calls.filter((call) => call.includes('contrast'));

describe('contrastRatio and luminance', () => {
  it('gives 21:1 for black on white, in either order', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 1e-9);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).to.be.closeTo(21, 1e-9);
  });

  it('gives 1:1 for a colour against itself', () => {
    expect(contrastRatio([119, 119, 119], [119, 119, 119])).to.equal(1);
    expect(contrastRatio([11, 92, 173], [11, 92, 173])).to.equal(1);
  });

  it('gives about 4.48:1 for #777 on white, just under the 4.5:1 line', () => {
    const ratio = contrastRatio([0x77, 0x77, 0x77], [255, 255, 255]);
    expect(ratio).to.be.closeTo(4.48, 0.005);
    expect(ratio).to.be.below(4.5);
  });

  it('gives about 4.54:1 for #767676 on white, just over the line', () => {
    expect(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255])).to.be.closeTo(4.54, 0.005);
  });

  it('follows the WCAG relative luminance', () => {
    expect(luminance([255, 255, 255])).to.be.closeTo(1, 1e-9);
    expect(luminance([0, 0, 0])).to.equal(0);
    expect(luminance([255, 0, 0])).to.be.closeTo(0.2126, 1e-4);
    expect(luminance([0, 255, 0])).to.be.closeTo(0.7152, 1e-4);
    expect(luminance([0, 0, 255])).to.be.closeTo(0.0722, 1e-4);
  });
});

describe('toRgb', () => {
  it('reads hex colours, long, short and with alpha', () => {
    expect(toRgb('#0b5cad')).to.deep.equal([11, 92, 173]);
    expect(toRgb('#FFF')).to.deep.equal([255, 255, 255]);
    expect(toRgb('#000000ff')).to.deep.equal([0, 0, 0]);
    expect(toRgb('  #777  ')).to.deep.equal([119, 119, 119]);
  });

  it('reads rgb() in the comma and space syntaxes', () => {
    expect(toRgb('rgb(11, 92, 173)')).to.deep.equal([11, 92, 173]);
    expect(toRgb('rgb(11 92 173)')).to.deep.equal([11, 92, 173]);
    expect(toRgb('rgba(255, 0, 0, 1)')).to.deep.equal([255, 0, 0]);
  });

  it('reads hsl()', () => {
    expect(toRgb('hsl(0, 100%, 50%)')).to.deep.equal([255, 0, 0]);
    expect(toRgb('hsl(120deg 100% 25%)')).to.deep.equal([0, 128, 0]);
    expect(toRgb('hsl(0 0% 100%)')).to.deep.equal([255, 255, 255]);
  });

  it('reads named colours', () => {
    expect(toRgb('white')).to.deep.equal([255, 255, 255]);
    expect(toRgb('black')).to.deep.equal([0, 0, 0]);
    expect(toRgb('rebeccapurple')).to.deep.equal([102, 51, 153]);
    expect(toRgb('Navy')).to.deep.equal([0, 0, 128]);
  });

  it('composites a translucent colour on white, or on the backdrop given', () => {
    const onWhite = toRgb('rgb(0 0 0 / 50%)')!;
    onWhite.forEach((channel) => expect(channel).to.be.within(126, 129));
    const onBlack = toRgb('rgb(255 255 255 / 50%)', [0, 0, 0])!;
    onBlack.forEach((channel) => expect(channel).to.be.within(126, 129));
    expect(toRgb('transparent', [22, 25, 29])).to.deep.equal([22, 25, 29]);
  });

  it('gives undefined for anything that is not a colour', () => {
    for (const garbage of [
      '',
      '   ',
      'not-a-colour',
      '#12',
      '#ggg',
      '12px',
      'rgb(1, 2)',
      'url(x.png)',
      'inherit',
      'initial',
      'unset',
      'var(--x)',
    ]) {
      expect(toRgb(garbage), JSON.stringify(garbage)).to.equal(undefined);
    }
  });

  it('does not let a rejected value read as the colour painted before it', () => {
    expect(toRgb('black')).to.deep.equal([0, 0, 0]);
    expect(toRgb('inherit')).to.equal(undefined);
    expect(toRgb('white')).to.deep.equal([255, 255, 255]);
    expect(toRgb('var(--soc-color-accent)')).to.equal(undefined);
  });
});

describe('contrast guard', () => {
  it('warns once, naming both properties, when the accent and on-accent colours are too close', async () => {
    const { el, warn } = await renderWithColours('--soc-color-accent: #777; --soc-color-on-accent: #888');
    try {
      await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
      expect(warn.calls, warn.calls.join('\n')).to.have.length(1);
      const [message] = warn.calls;
      expect(message).to.include('<second-opinion-check>');
      expect(message).to.include('--soc-color-accent');
      expect(message).to.include('--soc-color-on-accent');
      expect(message).to.include('4.5:1');
      expect(message).not.to.include('--soc-color-surface');
    } finally {
      warn.restore();
    }
  });

  it('names --soc-color-text and --soc-color-surface when body text is too faint', async () => {
    const { el, warn } = await renderWithColours('--soc-color-text: #999; --soc-color-surface: #fff');
    try {
      await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
      expect(warn.calls, warn.calls.join('\n')).to.have.length(1);
      expect(warn.calls[0]).to.include('--soc-color-text');
      expect(warn.calls[0]).to.include('--soc-color-surface');
      expect(warn.calls[0]).not.to.include('--soc-color-accent');
    } finally {
      warn.restore();
    }
  });

  it('gives one warning per bad pair when both pairs are bad', async () => {
    const { warn } = await renderWithColours(
      '--soc-color-accent: #777; --soc-color-on-accent: #888; --soc-color-text: #333; --soc-color-surface: #222',
    );
    try {
      expect(warn.calls, warn.calls.join('\n')).to.have.length(2);
      expect(warn.calls.filter((call) => call.includes('--soc-color-on-accent'))).to.have.length(1);
      expect(warn.calls.filter((call) => call.includes('--soc-color-text'))).to.have.length(1);
    } finally {
      warn.restore();
    }
  });

  it('checks translucent text over its own background', async () => {
    // Half-transparent white on the default blue accent reads as light blue on blue: too faint.
    const { warn } = await renderWithColours('--soc-color-on-accent: rgb(255 255 255 / 30%)');
    try {
      expect(contrastWarnings(warn.calls)).to.have.length(1);
      expect(warn.calls[0]).to.include('--soc-color-on-accent');
    } finally {
      warn.restore();
    }
  });

  for (const theme of ['light', 'dark', 'auto']) {
    it(`is silent with the default colours of theme="${theme}"`, async () => {
      const { el, warn } = await renderWithColours('', { theme });
      try {
        await expect(el).to.be.accessible();
        expect(warn.calls, warn.calls.join('\n')).to.deep.equal([]);
      } finally {
        warn.restore();
      }
    });
  }

  it('is silent for host colours with enough contrast', async () => {
    const { el, warn } = await renderWithColours(
      '--soc-color-accent: #6a1b9a; --soc-color-on-accent: #fff; --soc-color-text: #102030; --soc-color-surface: #fdf6e3',
    );
    try {
      await expect(el).to.be.accessible();
      expect(warn.calls, warn.calls.join('\n')).to.deep.equal([]);
    } finally {
      warn.restore();
    }
  });

  it('is silent for colours the guard cannot read, rather than guessing', async () => {
    const { warn } = await renderWithColours('--soc-color-accent: not-a-colour; --soc-color-on-accent: #888');
    try {
      expect(contrastWarnings(warn.calls)).to.deep.equal([]);
    } finally {
      warn.restore();
    }
  });

  it('warns only once per element, whatever re-renders or reconnects it', async () => {
    const { el, warn } = await renderWithColours('--soc-color-accent: #777; --soc-color-on-accent: #888', {
      'clinic-name': 'Riverside Clinic',
    });
    try {
      expect(contrastWarnings(warn.calls)).to.have.length(1);
      el.setAttribute('clinic-name', 'Hillside Clinic');
      el.setAttribute('theme', 'dark');
      await settle(el);
      await frames();
      el.setAttribute('theme', 'light');
      await settle(el);
      await frames();
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await settle(el);
      await frames();
      expect($(el, '[part~="header"]')?.textContent).to.equal('Hillside Clinic');
      expect(contrastWarnings(warn.calls), warn.calls.join('\n')).to.have.length(1);
    } finally {
      warn.restore();
    }
  });

  it('warns for each element on its own', async () => {
    const warn = spyOnWarn();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="--soc-color-accent: #777; --soc-color-on-accent: #888">
          <second-opinion-check></second-opinion-check>
          <second-opinion-check></second-opinion-check>
        </div>
      `);
      const elements = [...wrapper.querySelectorAll('second-opinion-check')] as CheckElement[];
      for (const el of elements) await settle(el);
      await frames();
      expect(contrastWarnings(warn.calls), warn.calls.join('\n')).to.have.length(2);
    } finally {
      warn.restore();
    }
  });

  it('checks the launcher variant too, before its dialog was ever opened', async () => {
    const { el, warn } = await renderWithColours('--soc-color-accent: #777; --soc-color-on-accent: #888', {
      variant: 'launcher',
    });
    try {
      expect($(el, '#heading')).to.equal(null);
      expect(warn.calls, warn.calls.join('\n')).to.have.length(1);
      expect(warn.calls[0]).to.include('--soc-color-accent');
    } finally {
      warn.restore();
    }
  });

  it('lowContrastPairs reads the resolved colours of the element it is given', async () => {
    const warn = spyOnWarn();
    try {
      const el = await fixtureElement();
      await frames();
      const base = $(el, '[part~="base"]')!;
      expect(lowContrastPairs(base)).to.deep.equal([]);
      el.style.setProperty('--soc-color-text', '#eee');
      const pairs = lowContrastPairs(base);
      expect(pairs.map((pair) => pair.names)).to.deep.equal(['--soc-color-text on --soc-color-surface']);
      expect(pairs[0].ratio).to.be.closeTo(contrastRatio([0xee, 0xee, 0xee], [255, 255, 255]), 0.01);
      // The element itself looked once, at its first render, when the colours were fine.
      await frames();
      expect(warn.calls, warn.calls.join('\n')).to.deep.equal([]);
    } finally {
      warn.restore();
    }
  });
});

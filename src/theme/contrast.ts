/**
 * The contrast guard: a host's brand colours must still leave text readable (WCAG 1.4.3,
 * 4.5:1). Colours are resolved by the browser itself, so every CSS colour syntax works. The
 * element runs it as a reactive controller, which warns once per element and failing pair.
 */
import type { LitElement, ReactiveController } from 'lit';
import { warnOnce } from '../warn.ts';

export type Rgb = [number, number, number];

/** WCAG relative luminance of an sRGB colour with 0–255 channels. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour as sRGB, composited on `backdrop` (white unless given) when translucent;
 * undefined when not a colour.
 */
export function toRgb(color: string, backdrop: Rgb = [255, 255, 255]): Rgb | undefined {
  const value = color.trim();
  if (!value || !CSS.supports('color', value)) return undefined;
  canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!canvas) return undefined;
  // CSS.supports also accepts what a canvas cannot paint (`inherit`, `var(--x)`), and a canvas
  // silently keeps its previous fillStyle for such a value: starting from two different colours
  // tells a rejected value (which would read as that previous colour) from a real one.
  canvas.fillStyle = '#000';
  canvas.fillStyle = value;
  const fromBlack = canvas.fillStyle;
  canvas.fillStyle = '#fff';
  canvas.fillStyle = value;
  if (canvas.fillStyle !== fromBlack) return undefined;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = `rgb(${backdrop.join(' ')})`;
  canvas.fillRect(0, 0, 1, 1);
  canvas.fillStyle = value;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/** The pairs the guard checks: each names the public tokens a host would change. */
const CONTRAST_PAIRS = [
  { text: '--_on-accent', background: '--_accent', names: '--soc-color-on-accent on --soc-color-accent' },
  { text: '--_text', background: '--_surface', names: '--soc-color-text on --soc-color-surface' },
] as const;

const MIN_TEXT_CONTRAST = 4.5;

/** The pairs of `element`'s resolved colours that fall below 4.5:1, with their ratios. */
export function lowContrastPairs(element: Element): { names: string; ratio: number }[] {
  const style = getComputedStyle(element);
  // A token set to `currentColor` follows the host's text colour, which the element inherits.
  const token = (name: string) => {
    const value = style.getPropertyValue(name).trim();
    return value.toLowerCase() === 'currentcolor' ? style.color : value;
  };
  const failing: { names: string; ratio: number }[] = [];
  for (const pair of CONTRAST_PAIRS) {
    const background = toRgb(token(pair.background));
    // Translucent text is seen over its own background, not over white.
    const text = background && toRgb(token(pair.text), background);
    if (!text || !background) continue;
    const ratio = contrastRatio(text, background);
    if (ratio < MIN_TEXT_CONTRAST) failing.push({ names: pair.names, ratio });
  }
  return failing;
}

/** The host colour tokens the guard checks; without any of them only our own (passing) colours apply. */
const HOST_COLOR_TOKENS = ['--soc-color-accent', '--soc-color-on-accent', '--soc-color-text', '--soc-color-surface'];

/**
 * Checks the element's colours after its first render and after each theme change. Colours are
 * only known once styles apply, so the check waits until the page is idle, off the first paint.
 */
export class ContrastGuard implements ReactiveController {
  private cancel?: () => void;
  /** A check was pending when the element left the page: run it when it is back. */
  private due = false;
  private theme?: string;

  constructor(private readonly host: LitElement & { theme: string }) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.due) this.schedule();
  }

  hostDisconnected(): void {
    // A pending callback would keep a removed element alive; check again if it comes back.
    this.due = Boolean(this.cancel);
    this.cancel?.();
    this.cancel = undefined;
  }

  hostUpdated(): void {
    if (this.theme === this.host.theme) return;
    this.theme = this.host.theme;
    this.schedule();
  }

  private schedule() {
    this.due = false;
    this.cancel?.();
    const run = () => {
      this.cancel = undefined;
      this.check();
    };
    if ('requestIdleCallback' in window) {
      const handle = requestIdleCallback(run, { timeout: 1000 });
      this.cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 1);
      this.cancel = () => clearTimeout(handle);
    }
  }

  private check() {
    const root = this.host.renderRoot.querySelector('.base, .launcher-root');
    if (!root) return;
    // Our own theme colours pass; only a host's --soc-* colours can fail, so skip the canvas work without them.
    const style = getComputedStyle(this.host);
    if (HOST_COLOR_TOKENS.every((token) => !style.getPropertyValue(token).trim())) return;
    for (const { names, ratio } of lowContrastPairs(root)) {
      warnOnce(
        this.host,
        `contrast:${names}`,
        `text contrast of ${names} is ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG asks for. Choose colours further apart.`,
      );
    }
  }
}

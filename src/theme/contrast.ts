/**
 * The contrast guard: a host's brand colours must still leave text readable (WCAG 1.4.3,
 * 4.5:1). Colours are resolved by the browser itself, so every CSS colour syntax works.
 */

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
export const CONTRAST_PAIRS = [
  { text: '--_on-accent', background: '--_accent', names: '--soc-color-on-accent on --soc-color-accent' },
  { text: '--_text', background: '--_surface', names: '--soc-color-text on --soc-color-surface' },
] as const;

export const MIN_TEXT_CONTRAST = 4.5;

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

/** Turns host-given contact details into safe links, or nothing. Pure: no DOM, no strings. */

/** Where a phone number's extension starts: `;ext=9`, `ext. 9`, `x9` (a digit must follow). */
const EXTENSION = /(?:;\s*ext\s*=|ext(?:ension)?|x)[\s.:=#]*\p{Nd}/iu;
/** The same for printable ASCII text, where the only decimal digits are 0-9. */
const EXTENSION_ASCII = /(?:;\s*ext\s*=|ext(?:ension)?|x)[\s.:=#]*[0-9]/i;

/**
 * `tel:` keeps only `+` and digits (letters such as 1-800-FLOWERS are dropped) and stops before
 * an extension, which a `tel:` link would otherwise dial as part of the number. Any Unicode
 * decimal digit (Arabic-Indic ٠١٢, Devanagari, full-width…) counts, as its ASCII digit.
 */
export function telHref(phone: string | undefined): string | undefined {
  // Printable ASCII, the usual case, needs no Unicode classes: compiling them costs the first
  // render about a millisecond (four on a slow phone).
  const ascii = !/[^ -~]/.test(phone ?? '');
  const number = phone?.split(ascii ? EXTENSION_ASCII : EXTENSION)[0] ?? '';
  const dialable = (ascii ? number : asciiDigits(number)).replace(/[^+0-9]/g, '');
  return /\d/.test(dialable) ? `tel:${dialable}` : undefined;
}

/**
 * Unicode puts the ten digits of every script in a run from 0 to 9, and adjacent runs only ever
 * hold whole sets: a digit's value is its distance from the start of its run, modulo 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const codePoint = digit.codePointAt(0)!;
    let before = 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(codePoint - before - 1))) before++;
    return String(before % 10);
  });
}

/**
 * A `mailto:` link only for one plain address. `%`, `?`, `#`, `/` and `:` would let the
 * attribute add headers (`%0ABcc:`, `?cc=`) or turn into another URL; control and formatting
 * characters have no place in an address either.
 */
export function mailtoHref(email: string | undefined): string | undefined {
  const address = (email ?? '').trim();
  return /^[^\s@,;?&<>"%#/:\\\p{Cc}\p{Cf}]+@[^\s@,;?&<>"%#/:\\\p{Cc}\p{Cf}]+$/u.test(address)
    ? `mailto:${address}`
    : undefined;
}

/** An absolute `http:`/`https:` URL, or undefined for anything else (javascript:, data:, junk). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

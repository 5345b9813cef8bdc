/** Turns host-given contact details into safe links. Pure functions; the element warns. */

/** `tel:` keeps only `+` and digits (letters such as 1-800-FLOWERS are dropped). */
export function telHref(phone: string | undefined): string | undefined {
  const dialable = (phone ?? '').replace(/[^+\d]/g, '');
  return /\d/.test(dialable) ? `tel:${dialable}` : undefined;
}

/** A `mailto:` link for something that looks like one address, else nothing. */
export function mailtoHref(email: string | undefined): string | undefined {
  const address = (email ?? '').trim();
  return /^[^\s@,;?&<>"]+@[^\s@,;?&<>"]+$/.test(address) ? `mailto:${address}` : undefined;
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

/**
 * Warnings for the host page's developer: one `console.warn` per problem and element, named
 * after the tag, so a page that renders often is not flooded. Controllers warn through it too.
 */
const said = new WeakMap<Element, Set<string>>();

/** Says `text` once for `element`; `key` tells problems apart. */
export function warnOnce(element: Element, key: string, text: string): void {
  const keys = said.get(element) ?? new Set<string>();
  said.set(element, keys);
  if (keys.has(key)) return;
  keys.add(key);
  console.warn(`<second-opinion-check>: ${text}`);
}

/** An attribute's value if it is one of `allowed`, else the first of them, with a warning. */
export function oneOf<T extends string>(element: Element, name: string, value: T, allowed: readonly T[]): T {
  if (allowed.includes(value)) return value;
  warnAttribute(element, name, value, `use ${allowed.join(', ')}`);
  return allowed[0];
}

/** An attribute value that is not used, and why. */
export function warnAttribute(element: Element, name: string, value: string, why: string): void {
  warnOnce(element, `${name}:${value}`, `the ${name} attribute ${JSON.stringify(value)} is not used: ${why}.`);
}

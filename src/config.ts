/**
 * Declarative configuration for script-tag users: a child
 * `<script type="application/json">` holding the attribute keys in camelCase. Attributes win.
 */
import { warnOnce } from './warn.ts';
type Kind = 'string' | 'boolean' | 'string[]';

/** Each key, its type, and the attribute that overrides it. */
const CONFIG_KEYS = {
  clinicName: { kind: 'string', attribute: 'clinic-name' },
  phone: { kind: 'string', attribute: 'phone' },
  email: { kind: 'string', attribute: 'email' },
  contactUrl: { kind: 'string', attribute: 'contact-url' },
  address: { kind: 'string', attribute: 'address' },
  hours: { kind: 'string', attribute: 'hours' },
  endpoint: { kind: 'string', attribute: 'endpoint' },
  locale: { kind: 'string', attribute: 'locale' },
  theme: { kind: 'string', attribute: 'theme' },
  variant: { kind: 'string', attribute: 'variant' },
  open: { kind: 'boolean', attribute: 'open' },
  contactForm: { kind: 'boolean', attribute: 'contact-form' },
  emergencyNumber: { kind: 'string', attribute: 'emergency-number' },
  /** Not an attribute: the same as the `questions` property. */
  questions: { kind: 'string[]', attribute: undefined },
} as const satisfies Record<string, { kind: Kind; attribute: string | undefined }>;

type ConfigKey = keyof typeof CONFIG_KEYS;
type DeclarativeConfig = Partial<Record<ConfigKey, string | boolean | string[]>>;

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return typeof value === kind;
}

/**
 * Reads the element's own JSON config. Returns the usable values (those whose attribute is not
 * set) and one plain warning per problem: malformed JSON, an unknown key, a value of the wrong type.
 * `isAttributeSet` says which attributes the host wrote (by default, those present now).
 */
export function readDeclarativeConfig(
  element: Element,
  isAttributeSet: (name: string) => boolean = (name) => element.hasAttribute(name),
): { config: DeclarativeConfig; warnings: string[] } {
  const script = [...element.children].find(
    (child): child is HTMLScriptElement => child instanceof HTMLScriptElement && child.type === 'application/json',
  );
  const config: DeclarativeConfig = {};
  const warnings: string[] = [];
  if (!script) return { config, warnings };
  let parsed: unknown;
  try {
    parsed = JSON.parse(script.textContent ?? '');
  } catch (error) {
    warnings.push(
      `the JSON config (<script type="application/json">) is not valid JSON, so it is ignored: ${(error as Error).message}`,
    );
    return { config, warnings };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    warnings.push(
      'the JSON config (<script type="application/json">) must be an object of settings, so it is ignored.',
    );
    return { config, warnings };
  }
  for (const [key, value] of Object.entries(parsed)) {
    // Own keys only: "__proto__", "constructor" or "toString" must not find Object.prototype's.
    const spec = Object.hasOwn(CONFIG_KEYS, key) ? CONFIG_KEYS[key as ConfigKey] : undefined;
    if (!spec) {
      warnings.push(
        `the JSON config has an unknown key "${key}"; it is ignored. Known keys: ${Object.keys(CONFIG_KEYS).join(', ')}.`,
      );
    } else if (!hasKind(value, spec.kind)) {
      warnings.push(
        `the JSON config key "${key}" must be a ${spec.kind === 'string[]' ? 'list of question ids' : spec.kind}; the default is used.`,
      );
    } else if (!spec.attribute || !isAttributeSet(spec.attribute)) {
      config[key as ConfigKey] = value as string | boolean | string[];
    }
  }
  return { config, warnings };
}

const configured = new WeakSet<Element>();

/**
 * Reads the element's JSON config the first time it connects and sets what it holds, with a
 * warning for each problem. Attributes the host wrote win, judged by the attributes present now
 * (before the first render reflects `theme` and `variant`).
 */
export function applyDeclarativeConfig(element: Element): void {
  if (configured.has(element)) return;
  configured.add(element);
  const hostAttributes = new Set(element.getAttributeNames());
  const read = () => {
    const { config, warnings } = readDeclarativeConfig(element, (name) => hostAttributes.has(name));
    for (const warning of warnings) warnOnce(element, warning, warning);
    Object.assign(element, config);
  };
  // When the script ran first (`async`, or a second widget further down a streamed page), the
  // parser connects the element before it parses its children: look for the JSON config once
  // the document is parsed.
  if (document.readyState === 'loading' && !element.hasChildNodes()) {
    document.addEventListener('DOMContentLoaded', read, { once: true });
  } else read();
}

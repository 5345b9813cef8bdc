/**
 * Declarative configuration for script-tag users: a child
 * `<script type="application/json">` holding the attribute keys in camelCase. Attributes win.
 */
type Kind = 'string' | 'boolean' | 'string[]';

/** Each key, its type, and the attribute that overrides it. */
export const CONFIG_KEYS = {
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

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type DeclarativeConfig = Partial<Record<ConfigKey, string | boolean | string[]>>;

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

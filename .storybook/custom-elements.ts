/**
 * Prepares custom-elements.json (written by `npm run analyze`) for Storybook's Docs pages.
 * Storybook lists every class member, private ones included; designers need the public API:
 * attributes (in their own section), events, parts, custom properties, and the JS-only
 * properties (`questions`, `result`). Members that mirror an attribute are listed once, as the
 * attribute, which is also the name the controls use.
 *
 * Storybook keys each row by its bare name, so a property named like a part (`result`, the
 * read-only outcome, and `result`, the result screen's part) would replace it: such a property
 * is listed as `result (property)`.
 */
interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Declaration {
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  slots?: { name: string }[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { declarations?: Declaration[] }[];
}

const isPublicJsOnlyProperty = (member: Member) =>
  member.kind === 'field' &&
  !member.static &&
  !member.attribute &&
  member.privacy !== 'private' &&
  member.privacy !== 'protected';

function publicApi(declaration: Declaration): Declaration {
  const { attributes = [], events = [], cssParts = [], cssProperties = [], slots = [] } = declaration;
  const taken = new Set([...attributes, ...events, ...cssParts, ...cssProperties, ...slots].map((entry) => entry.name));
  const members = declaration.members
    ?.filter(isPublicJsOnlyProperty)
    .map((member) => (taken.has(member.name) ? { ...member, name: `${member.name} (property)` } : member));
  return { ...declaration, members };
}

export function forStorybook(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.customElement ? publicApi(declaration) : declaration,
      ),
    })),
  };
}

/**
 * The English source catalogue, read straight from the `msg()` calls in src/ with the same
 * analysis `lit-localize extract` uses, so checks never run against a stale XLIFF file; and the
 * XLIFF files, read back for comparison.
 */
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const config = readConfigFileAndWriteSchema(`${ROOT}lit-localize.json`);

/**
 * @typedef {{ expression: string }} Placeholder
 * @typedef {{ id: string, file: string, contents: (string | Placeholder)[] }} SourceMessage
 */

/** @returns {SourceMessage[]} */
export function sourceMessages() {
  const { messages, errors } = new RuntimeLitLocalizer(config).extractSourceMessages();
  if (errors.length) throw new Error(`lit-localize could not read the sources: ${errors.length} errors`);
  return messages.map((message) => ({
    id: message.name,
    file: message.file.fileName.slice(ROOT.length),
    contents: message.contents.map((part) => (typeof part === 'string' ? part : { expression: part.untranslatable })),
  }));
}

const XML_ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (text) => text.replace(/&(lt|gt|amp|quot|apos);/g, (entity) => XML_ENTITIES[entity]);

/**
 * The units of one XLIFF file, with placeholders written as `{<expression>}`.
 * @returns {{ id: string, source: string, target: string | undefined }[]}
 */
export function xliffUnits(locale) {
  const text = readFileSync(`${ROOT}${config.interchange.xliffDir}/${locale}.xlf`, 'utf8');
  const flatten = (xml) =>
    unescapeXml(
      xml.replace(
        /<x id="\d+" equiv-text="([^"]*)"\/>/g,
        (_, expression) => `{${expression.replace(/[{}]/g, (c) => `\\${c}`)}}`,
      ),
    );
  return [...text.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: flatten(/<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? ''),
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  }));
}

/** A source message as the XLIFF file writes it, placeholders as `{<expression>}`. */
export function flattenSource(message) {
  return message.contents
    .map((part) => (typeof part === 'string' ? part : `{${part.expression.replace(/[{}]/g, (c) => `\\${c}`)}}`))
    .join('');
}

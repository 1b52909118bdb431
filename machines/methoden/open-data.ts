import { z } from 'zod';
import { exampleSchema, type GoodExample } from './examples';
import { methodSchema, type Method } from './schema';

/**
 * Open data (issue 17 Nr. 5): the methods catalogue and the good examples as JSON datasets with a
 * JSON Schema each, and an Atom feed of newly published examples, under a licence the ministry
 * chooses (default CC BY 4.0). Pure: the app passes the entries, the licence and the addresses.
 */

export const openDataLicences = {
  'CC-BY-4.0': {
    label: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    short: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.de',
  },
  'CC-BY-SA-4.0': {
    label: 'Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International (CC BY-SA 4.0)',
    short: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.de',
  },
  'CC0-1.0': {
    label: 'Creative Commons Zero 1.0 Universell (CC0 1.0), gemeinfrei',
    short: 'CC0 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.de',
  },
  'DL-DE-BY-2.0': {
    label: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    short: 'dl-de/by-2-0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
  },
  'DL-DE-ZERO-2.0': {
    label: 'Datenlizenz Deutschland – Zero – Version 2.0',
    short: 'dl-de/zero-2-0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
  },
} as const;
export type OpenDataLicence = keyof typeof openDataLicences;
export const DEFAULT_LICENCE: OpenDataLicence = 'CC-BY-4.0';

export const isLicence = (value: unknown): value is OpenDataLicence => typeof value === 'string' && Object.hasOwn(openDataLicences, value);

export const PUBLISHER = 'Förderlotse Bürgerbeteiligung Sachsen';

export const datasetPaths = {
  methods: '/offene-daten/methoden.json',
  methodSchema: '/offene-daten/methode-schema.json',
  examples: '/offene-daten/beispiele.json',
  exampleSchema: '/offene-daten/beispiel-schema.json',
  feed: '/beispiele.atom',
} as const;

function licenceBlock(licence: OpenDataLicence) {
  const l = openDataLicences[licence];
  return { id: licence, name: l.label, url: l.url };
}

export interface DatasetOptions {
  baseUrl: string;
  licence: OpenDataLicence;
  generatedAt: string;
}

function envelope<T>(title: string, schemaPath: string, items: T[], o: DatasetOptions) {
  return {
    title,
    publisher: PUBLISHER,
    licence: licenceBlock(o.licence),
    generatedAt: o.generatedAt,
    schema: `${o.baseUrl}${schemaPath}`,
    count: items.length,
    items,
  };
}

export function methodsDataset(methods: readonly Method[], o: DatasetOptions) {
  return envelope('Methoden der Bürgerbeteiligung', datasetPaths.methodSchema, [...methods], o);
}

/** Demo entries are part of the dataset, marked `fictional: true`; a contact appears only where its person consented. */
export function examplesDataset(examples: readonly GoodExample[], o: DatasetOptions) {
  return envelope('Gute Beispiele der Bürgerbeteiligung', datasetPaths.exampleSchema, [...examples], o);
}

/** JSON Schema (draft 2020-12) of one item, derived from the zod schema the content is checked with. */
export function itemJsonSchema(kind: 'methode' | 'beispiel', baseUrl: string) {
  const schema = z.toJSONSchema(kind === 'methode' ? methodSchema : exampleSchema, { target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `${baseUrl}${kind === 'methode' ? datasetPaths.methodSchema : datasetPaths.exampleSchema}`,
    title: kind === 'methode' ? 'Methode der Bürgerbeteiligung' : 'Gutes Beispiel der Bürgerbeteiligung',
  };
}

const xml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** An Atom feed of published examples, newest first. `publishedAt` is when an editor approved the entry. */
export function examplesAtom(
  entries: ReadonlyArray<{ example: GoodExample; publishedAt: string }>,
  o: { baseUrl: string; licence: OpenDataLicence; now: string },
): string {
  const sorted = [...entries].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const updated = sorted[0]?.publishedAt ?? o.now;
  const host = new URL(o.baseUrl).host;
  const l = openDataLicences[o.licence];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE">',
    `  <id>tag:${xml(host)},2026:beispiele</id>`,
    '  <title>Gute Beispiele der Bürgerbeteiligung – neu veröffentlicht</title>',
    `  <updated>${xml(updated)}</updated>`,
    `  <author><name>${xml(PUBLISHER)}</name></author>`,
    `  <rights>${xml(`${l.label}: ${l.url}`)}</rights>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(o.baseUrl + datasetPaths.feed)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${o.baseUrl}/beispiele`)}"/>`,
  ];
  for (const { example, publishedAt } of sorted) {
    const link = `${o.baseUrl}/beispiele/${example.slug}`;
    lines.push(
      '  <entry>',
      `    <id>tag:${xml(host)},2026:beispiel:${xml(example.slug)}</id>`,
      `    <title>${xml(example.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <published>${xml(publishedAt)}</published>`,
      `    <updated>${xml(publishedAt)}</updated>`,
      `    <summary>${xml(`${example.summary} (${example.place}, ${example.year})`)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { methods } from '../../machines/methoden/catalogue';
import { demoExamples, exampleSchema } from '../../machines/methoden/examples';
import { examplesAtom, examplesDataset, isLicence, itemJsonSchema, methodsDataset } from '../../machines/methoden/open-data';
import { methodSchema } from '../../machines/methoden/schema';

const o = { baseUrl: 'https://foerderlotse.example', licence: 'DL-DE-BY-2.0' as const, generatedAt: '2026-12-05T08:00:00.000Z' };

describe('open data (issue 17 Nr. 5)', () => {
  it('carries every method and example, each valid against the schema the content is checked with, with licence and schema address', () => {
    const m = methodsDataset(methods, o);
    expect(m.count).toBe(methods.length);
    expect(m.licence).toEqual({
      id: 'DL-DE-BY-2.0',
      name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
      url: 'https://www.govdata.de/dl-de/by-2-0',
    });
    expect(m.schema).toBe('https://foerderlotse.example/offene-daten/methode-schema.json');
    for (const item of JSON.parse(JSON.stringify(m.items))) expect(methodSchema.safeParse(item).success).toBe(true);
    const e = examplesDataset(demoExamples, o);
    expect(e.items.every((x) => x.fictional)).toBe(true);
    for (const item of JSON.parse(JSON.stringify(e.items))) expect(exampleSchema.safeParse(item).success).toBe(true);
  });

  it('derives a closed JSON Schema per item with its own address', () => {
    const schema = itemJsonSchema('beispiel', o.baseUrl) as Record<string, unknown> & {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.$id).toBe('https://foerderlotse.example/offene-daten/beispiel-schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['slug', 'title', 'fictional', 'landkreis', 'methodSlugs', 'contact']));
    expect(Object.keys(schema.properties)).toHaveLength(Object.keys(exampleSchema.shape).length);
    const method = itemJsonSchema('methode', o.baseUrl) as { required: string[] };
    expect(method.required).toEqual(expect.arrayContaining(['slug', 'name', 'fundingFit', 'costDrivers']));
  });

  it('writes an Atom feed newest first, escaping what a title may contain', () => {
    const a = { ...demoExamples[0]!, slug: 'a-1', title: 'Fest <script>alert(1)</script> & „Markt“', fictional: false };
    const b = { ...demoExamples[1]!, slug: 'b-2', fictional: false };
    const feed = examplesAtom(
      [
        { example: a, publishedAt: '2026-11-01T10:00:00.000Z' },
        { example: b, publishedAt: '2026-12-01T10:00:00.000Z' },
      ],
      { baseUrl: o.baseUrl, licence: 'CC-BY-4.0', now: '2026-12-05T00:00:00.000Z' },
    );
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(feed).toContain('<updated>2026-12-01T10:00:00.000Z</updated>');
    expect(feed.indexOf('beispiel:b-2')).toBeLessThan(feed.indexOf('beispiel:a-1'));
    expect(feed).toContain('Fest &lt;script&gt;alert(1)&lt;/script&gt; &amp; „Markt“');
    expect(feed).not.toContain('<script>');
    expect(feed).toContain(
      '<rights>Creative Commons Namensnennung 4.0 International (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/deed.de</rights>',
    );
    // Without entries the feed is still valid and dated.
    expect(examplesAtom([], { baseUrl: o.baseUrl, licence: 'CC0-1.0', now: '2026-12-05T00:00:00.000Z' })).toContain(
      '<updated>2026-12-05T00:00:00.000Z</updated>',
    );
  });

  it('knows its licences and nothing else', () => {
    expect(isLicence('CC-BY-4.0')).toBe(true);
    expect(isLicence('toString')).toBe(false);
    expect(isLicence('MIT')).toBe(false);
  });
});

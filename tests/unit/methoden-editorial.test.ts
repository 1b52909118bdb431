import { describe, expect, it } from 'vitest';
import { methodBySlug } from '../../machines/methoden/catalogue';
import {
  checkContent,
  contentDifference,
  contentToYaml,
  newEntryContent,
  parseContentYaml,
  readContentYaml,
  slugBase,
} from '../../machines/methoden/content-kinds';
import {
  editorialRefusal,
  entryStatus,
  isPublic,
  resolveEditorial,
  type EditorialActor,
  type EditorialEvent,
  type EditorialState,
} from '../../machines/methoden/editorial';
import { demoExamples } from '../../machines/methoden/examples';

const berg: EditorialActor = { userId: 1, role: 'advisor' };
const schubert: EditorialActor = { userId: 2, role: 'ministry' };
const applicant: EditorialActor = { userId: 3, role: 'applicant' };
const note = 'Zielgruppen ergänzt und Kosten aktualisiert.';

const at = (state: EditorialState, published: number | null, lastEditor: number | null = null, archived = false) =>
  resolveEditorial(state, { published, archived, lastEditor });

describe('editorial workflow (ADR 0073)', () => {
  it('draft → review → published: the author cannot publish, a second editor can', () => {
    const inReview = at('pruefung', 1, berg.userId);
    expect(inReview.can({ type: 'veroeffentlichen', actor: berg })).toBe(false);
    expect(editorialRefusal(inReview, { type: 'veroeffentlichen', actor: berg })).toContain('Vier-Augen-Prinzip');
    expect(inReview.can({ type: 'veroeffentlichen', actor: schubert })).toBe(true);
  });

  it('sending to review and returning need a note of at least ten characters', () => {
    const draft = at('entwurf', null, berg.userId);
    expect(draft.can({ type: 'einreichen', actor: berg, note: 'zu kurz' })).toBe(false);
    expect(editorialRefusal(draft, { type: 'einreichen', actor: berg, note: 'zu kurz' })).toContain('was sich geändert hat');
    expect(draft.can({ type: 'einreichen', actor: berg, note })).toBe(true);
    const inReview = at('pruefung', null, berg.userId);
    expect(inReview.can({ type: 'zurueckgeben', actor: schubert, note: '   ' })).toBe(false);
    expect(inReview.can({ type: 'zurueckgeben', actor: schubert, note: 'Bitte die Kosten belegen.' })).toBe(true);
  });

  it('only EBBS advisors and ministry staff act; an applicant can do nothing', () => {
    const events: EditorialEvent[] = [
      { type: 'bearbeiten', actor: applicant },
      { type: 'einreichen', actor: applicant, note },
      { type: 'veroeffentlichen', actor: applicant },
      { type: 'archivieren', actor: applicant },
    ];
    for (const state of ['ohne_entwurf', 'entwurf', 'pruefung'] as const)
      for (const e of events) expect(at(state, 1, berg.userId).can(e)).toBe(false);
    expect(editorialRefusal(at('entwurf', 1), { type: 'bearbeiten', actor: applicant })).toContain('nur die EBBS-Beratung');
  });

  it('a draft in review is not edited; a never-published draft cannot be discarded', () => {
    expect(at('pruefung', 1, berg.userId).can({ type: 'bearbeiten', actor: schubert })).toBe(false);
    expect(at('entwurf', null, berg.userId).can({ type: 'verwerfen', actor: berg })).toBe(false);
    expect(at('entwurf', 2, berg.userId).can({ type: 'verwerfen', actor: berg })).toBe(true);
  });

  it('archive and restore only what has been published; publishing again makes it public', () => {
    expect(at('ohne_entwurf', 1).can({ type: 'archivieren', actor: berg })).toBe(true);
    expect(at('ohne_entwurf', 1, null, true).can({ type: 'archivieren', actor: berg })).toBe(false);
    expect(at('ohne_entwurf', 1, null, true).can({ type: 'wiederherstellen', actor: berg })).toBe(true);
    expect(at('ohne_entwurf', 1).can({ type: 'wiederherstellen', actor: berg })).toBe(false);
    expect(at('entwurf', null).can({ type: 'archivieren', actor: berg })).toBe(false);
    expect(isPublic({ published: 1, archived: false })).toBe(true);
    expect(isPublic({ published: 1, archived: true })).toBe(false);
    expect(isPublic({ published: null, archived: false })).toBe(false);
    expect(entryStatus('ohne_entwurf', { published: 1, archived: true })).toBe('archiviert');
    expect(entryStatus('entwurf', { published: 1, archived: false })).toBe('entwurf');
  });
});

describe('content as YAML, checked with German messages', () => {
  const method = methodBySlug('world-cafe')!;

  it('a published method goes to YAML and back unchanged', () => {
    expect(parseContentYaml('methode', contentToYaml(method), method.slug)).toEqual({ ok: true, content: method });
  });

  it('a syntax error names its line; a wrong value names the field in German and the allowed values', () => {
    const broken = readContentYaml('methode', 'name: Welt-Café\nsummary: [offen\n', method.slug);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^Zeile \d+, Spalte \d+: /);
    const wrong = parseContentYaml('methode', contentToYaml({ ...method, level: 'ganz-viel' }), method.slug);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.join(' ')).toMatch(/^Stufe der Beteiligung: .*Möglich: information, konsultation/);
    const shortItem = checkContent('methode', { ...method, pitfalls: ['kurz', method.pitfalls[1]] });
    expect(shortItem.ok).toBe(false);
    if (!shortItem.ok) expect(shortItem.errors[0]).toMatch(/^Stolpersteine, Eintrag 1: /);
  });

  it('an incomplete draft can be read (and saved) while its problems are listed; the slug stays', () => {
    const fresh = newEntryContent('beispiel', 'neues-beispiel', 'Neues Beispiel');
    const read = readContentYaml('beispiel', contentToYaml(fresh), 'neues-beispiel');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.problems.length).toBeGreaterThan(3);
    const renamed = readContentYaml('beispiel', contentToYaml({ ...fresh, slug: 'anders' }), 'neues-beispiel');
    expect(renamed).toEqual({ ok: false, errors: [expect.stringContaining('bleibt „neues-beispiel“')] });
    for (const text of ['- eine Liste', '42', '', 'a: &x [1]\nb: *x\nc: *x\nd: *x\ne: *x\nf: *x\ng: *x\nh: *x\ni: *x\nj: *x\nk: *x\nl: *x'])
      expect(readContentYaml('beispiel', text, 'neues-beispiel').ok).toBe(false);
    expect(readContentYaml('beispiel', 'x'.repeat(100_001), 'neues-beispiel')).toEqual({
      ok: false,
      errors: [expect.stringContaining('zu lang')],
    });
  });

  it('a demo example passes the schema with its pictures optional, and pictures need alt text', () => {
    const example = demoExamples[0]!;
    expect(checkContent('beispiel', example).ok).toBe(true);
    expect(checkContent('beispiel', { ...example, images: [{ id: 1, alt: 'Kinder am Modell des Platzes' }] }).ok).toBe(true);
    const noAlt = checkContent('beispiel', { ...example, images: [{ id: 1, alt: '' }] });
    expect(noAlt.ok).toBe(false);
    if (!noAlt.ok) expect(noAlt.errors[0]).toMatch(/^Bilder, Eintrag 1, „alt“: /);
  });

  it('slugs spell out umlauts and drop everything else', () => {
    expect(slugBase('Bürgerrat „Größere Plätze“ 2027')).toBe('buergerrat-groessere-plaetze-2027');
    expect(slugBase('!!!')).toBe('');
  });
});

describe('the difference an editor reads before publishing', () => {
  const method = methodBySlug('world-cafe')!;

  it('lists only changed fields, in the kind’s order, word by word', () => {
    const draft = { ...method, summary: `${method.summary} Neu ergänzt.`, pitfalls: [...method.pitfalls.slice(1)] };
    const diff = contentDifference('methode', method, draft);
    expect(diff.map((d) => d.label)).toEqual(['Kurzfassung', 'Stolpersteine']);
    const summary = diff[0]!.parts;
    expect(
      summary
        .filter((p) => p.change === 'added')
        .map((p) => p.text.trim())
        .join(' '),
    ).toContain('Neu ergänzt');
    expect(summary.some((p) => p.change === 'removed')).toBe(false);
    expect(
      diff[1]!.parts
        .filter((p) => p.change === 'removed')
        .map((p) => p.text)
        .join(''),
    ).toContain(method.pitfalls[0]!.split(' ')[0]!);
  });

  it('nothing published yet: every field is new; no change: no rows', () => {
    const all = contentDifference('methode', null, method);
    expect(all.length).toBe(Object.keys(method).length);
    expect(all.every((d) => d.parts.every((p) => p.change === 'added'))).toBe(true);
    expect(contentDifference('methode', method, structuredClone(method))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { methodBySlug, methods } from '../../machines/methoden/catalogue';
import {
  addRow,
  contentToFormValues,
  formDataToValues,
  formFields,
  formSections,
  formValuesToContent,
  NOT_A_WHOLE_NUMBER,
  problemsAtFields,
  rowCount,
  withEmptyRows,
} from '../../machines/methoden/content-form';
import { checkContent, type ContentKind, fieldLabels, newEntryContent } from '../../machines/methoden/content-kinds';
import { demoExamples, exampleSchema } from '../../machines/methoden/examples';
import { methodSchema } from '../../machines/methoden/schema';

const roundTrip = (kind: ContentKind, content: { slug: string }) =>
  formValuesToContent(kind, withEmptyRows(kind, contentToFormValues(kind, content)), content.slug);

describe('the form editor of editorial content (ADR 0080)', () => {
  it.each([
    ['methode', methodSchema],
    ['beispiel', exampleSchema],
  ] as const)('has one field per schema field of a %s, in the order and with the names of fieldLabels', (kind, schema) => {
    const names = formFields(kind).map((f) => f.name);
    expect(names).toEqual(Object.keys(schema.shape));
    expect(names).toEqual(Object.keys(fieldLabels[kind]));
  });

  it.each(['methode', 'beispiel'] as const)('puts every field of a %s into exactly one part of the page, in field-list order', (kind) => {
    const fields = formFields(kind);
    const parts = formSections(kind, fields);
    // Concatenated, the parts are the field list: no field left out, none twice, the order kept
    // (the error summary lists the fields in field-list order, which must be the page order).
    expect(parts.flatMap((p) => p.formFields.map((f) => f.name))).toEqual(fields.map((f) => f.name));
    expect(parts.flatMap((p) => p.fields)).toEqual(fields.map((f) => f.name));
    expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
    for (const part of parts) expect(part.formFields.length, part.heading).toBeGreaterThan(0);
  });

  it.each(methods.map((m) => [m.slug, m] as const))('gives the method %s back unchanged (content → form → content)', (_, method) => {
    const read = roundTrip('methode', method);
    expect(read.errors).toEqual({});
    // The same keys in the same order: the difference view compares the stored text.
    expect(JSON.stringify(read.content)).toBe(JSON.stringify(method));
  });

  it.each(demoExamples.map((e) => [e.slug, e] as const))('gives the example %s back unchanged (content → form → content)', (_, example) => {
    const read = roundTrip('beispiel', example);
    expect(read.errors).toEqual({});
    expect(JSON.stringify(read.content)).toBe(JSON.stringify(example));
  });

  it('keeps the order of ticked choices that browsers post in page order, new ones last', () => {
    const method = methodBySlug('charrette')!;
    const values = contentToFormValues('methode', method);
    const order = formFields('methode').find((f) => f.name === 'targetGroups');
    const pageOrder = order?.type === 'choices' ? order.options.map((o) => o.value) : [];
    values.targetGroups = pageOrder.filter((id) => [...method.targetGroups, 'familien'].includes(id as never));
    expect(formValuesToContent('methode', values, method.slug, method).content.targetGroups).toEqual([...method.targetGroups, 'familien']);
  });

  it('keeps a contact and pictures of an example, and drops a picture whose alternative text was emptied', () => {
    const example = {
      ...demoExamples[0]!,
      contact: { name: 'Anna Berg', email: 'anna@example.org', consent: true as const },
      images: [
        { id: 4, alt: 'Jugendliche am Modell' },
        { id: 9, alt: 'Der fertige Platz' },
      ],
    };
    expect(roundTrip('beispiel', example).content).toEqual(example);
    const values = contentToFormValues('beispiel', example);
    values['images.0.alt'] = '';
    expect(formValuesToContent('beispiel', values, example.slug).content.images).toEqual([{ id: 9, alt: 'Der fertige Platz' }]);
  });

  it('says at the field when a number is not a number, keeping the rest', () => {
    const method = methodBySlug('buergerpanel')!;
    const values = { ...contentToFormValues('methode', method), 'groupSize.min': 'zwanzig' };
    const read = formValuesToContent('methode', values, method.slug);
    expect(read.errors).toEqual({ 'groupSize.min': NOT_A_WHOLE_NUMBER });
    expect(read.content.summary).toBe(method.summary);
  });

  it('reads numbers as German editors type them', () => {
    const method = methodBySlug('buergerpanel')!;
    const values = { ...contentToFormValues('methode', method), 'typicalCostEuro.min': '1.500', 'typicalCostEuro.max': ' 20 000 ' };
    expect(formValuesToContent('methode', values, method.slug).content.typicalCostEuro).toEqual({ min: 1500, max: 20000 });
  });

  it('puts the schema problems at their fields, in German', () => {
    const method = methodBySlug('buergerpanel')!;
    const values = {
      ...contentToFormValues('methode', method),
      summary: 'Zu kurz',
      targetGroups: [],
      'groupSize.min': '90',
      'groupSize.max': '20',
      'costDrivers.0.category': 'erfunden',
    };
    const { content } = formValuesToContent('methode', values, method.slug);
    expect(checkContent('methode', content).ok).toBe(false);
    expect(problemsAtFields('methode', content)).toEqual({
      summary: 'Bitte schreiben Sie mindestens 20 Zeichen.',
      groupSize: 'Der kleinste Wert darf nicht größer sein als der größte.',
      targetGroups: 'Bitte wählen oder füllen Sie mindestens einen Eintrag.',
      'costDrivers.0.category': 'Bitte wählen Sie einen Eintrag aus der Liste.',
    });
  });

  it('adds one empty row on request, up to the list’s maximum, and drops empty rows from the content', () => {
    const method = methodBySlug('buergerpanel')!;
    const values = contentToFormValues('methode', method);
    const pitfalls = rowCount(values, 'pitfalls');
    const more = addRow('methode', values, 'pitfalls');
    expect(rowCount(more, 'pitfalls')).toBe(pitfalls + 1);
    expect(formValuesToContent('methode', more, method.slug).content.pitfalls).toEqual(method.pitfalls);
    let full = values;
    for (let i = 0; i < 10; i++) full = addRow('methode', full, 'pitfalls');
    expect(rowCount(full, 'pitfalls')).toBe(6);
    expect(addRow('methode', values, 'unbekannt')).toBe(values);
  });

  it('reads posted form data: checkbox groups as lists, also when none is ticked', () => {
    const form = new FormData();
    form.append('name', 'Bürgerpanel');
    form.append('targetGroups', 'kinder');
    form.append('targetGroups', 'senioren');
    const values = formDataToValues('methode', form);
    expect(values.name).toBe('Bürgerpanel');
    expect(values.targetGroups).toEqual(['kinder', 'senioren']);
    expect(values.needs).toEqual([]);
    expect(values['fundingFit.routes']).toEqual([]);
  });

  it('turns a new entry into form values and back without losing its shape', () => {
    const fresh = newEntryContent('methode', 'neue-methode', 'Neue Methode');
    expect(roundTrip('methode', fresh as { slug: string }).content).toEqual(fresh);
  });
});

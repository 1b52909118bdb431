import fc from 'fast-check';
import type { Page } from '@playwright/test';

/** One control of a form as the browser sees it (including controls tied to the form by `form=`). */
export interface Control {
  name: string;
  tag: string;
  type: string;
  value: string;
  checked: boolean;
}

export interface FormTemplate {
  action: string;
  multipart: boolean;
  controls: Control[];
}

/** The POST forms of a page, parsed by the browser (JavaScript off), with their resolved action path. */
export async function formsOf(parser: Page, html: string, pagePath: string): Promise<FormTemplate[]> {
  await parser.setContent(html, { waitUntil: 'domcontentloaded' });
  return parser.evaluate((path) => {
    return [...document.forms]
      .filter((form) => (form.getAttribute('method') ?? '').toLowerCase() === 'post')
      .map((form) => ({
        action: new URL(form.getAttribute('action') ?? path, 'http://x').pathname,
        multipart: form.enctype === 'multipart/form-data',
        controls: [...form.elements]
          .filter((e): e is HTMLInputElement => 'name' in e && typeof e.name === 'string' && e.name !== '')
          .map((e) => ({ name: e.name, tag: e.tagName.toLowerCase(), type: e.type, value: e.value, checked: e.checked })),
      }));
  }, pagePath);
}

/** The hidden fields that tell one form of a page from another (the comment form of a step, a reply to a thread). */
const identity = (form: FormTemplate) =>
  form.controls
    .filter((c) => c.type === 'hidden' && !['csrf', 'version', 'reviewVersion'].includes(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .sort()
    .join('&');

/**
 * The value a control holds after a re-render, by name (first control of that name). With `template`,
 * the form that came back is the one with the same identifying hidden fields, if the page has it: a
 * page with many comment forms has many fields named "body".
 */
export async function renderedValues(parser: Page, html: string, path: string, template?: FormTemplate): Promise<Map<string, string>> {
  const all = (await formsOf(parser, html, path)).filter((f) => f.action === path);
  const same = template ? all.filter((f) => identity(f) === identity(template)) : [];
  const values = new Map<string, string>();
  for (const form of same.length ? same : all) {
    for (const control of form.controls) if (!values.has(control.name)) values.set(control.name, control.value);
  }
  return values;
}

/** Text a person types into a free-text control; these are what a re-rendered form must show again. */
export const isTypedText = (control: Control) =>
  // (number and date inputs are left out: the browser empties a value it cannot read as one)
  (control.tag === 'textarea' || (control.tag === 'input' && ['text', 'email', 'tel', 'search', 'url'].includes(control.type))) &&
  control.name !== 'csrf';

const impossibleDates = [
  '31.02.2026',
  '29.02.2027',
  '00.00.0000',
  '32.13.2026',
  '2026-13-45',
  '0000-00-00',
  '1.1.1',
  '01.01.10000',
  '9999-12-31',
  '31.04.2027',
];
const numberFormats = [
  '1.234,56',
  '1,234.56',
  '1.234.567,89',
  '12 345,67',
  '1e309',
  '-1',
  '-0',
  'NaN',
  'Infinity',
  '0,001',
  '99999999999999999999',
  '１２３',
  '100 €',
  '€ 100',
  '0x10',
  ',',
  '.',
];
const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n\r\n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\u202eabc',
  '\uFFFF\uD800',
  'ja',
  'nein',
];

/** Random and hostile text: missing-like, control characters, markup, dates, number formats, 200 kB. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...impossibleDates) },
  { weight: 2, arbitrary: fc.constantFrom(...numberFormats) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(200_000), 'ä€😀'.repeat(30_000)) },
);

/** Field names a form never has: prototype keys, absurd list indexes, deep paths, empty names. */
export function hostileName(controls: Control[]): fc.Arbitrary<string> {
  const names = controls.map((c) => c.name);
  const lists = [...new Set(names.map((n) => /^([^[.]+)\[\d+\]/.exec(n)?.[1]).filter((n): n is string => n !== undefined))];
  const fixed = [
    '__proto__',
    '__proto__[polluted]',
    '__proto__.polluted',
    'constructor[prototype][polluted]',
    'constructor.prototype.polluted',
    'a[0][__proto__]',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    '[]',
    '.',
    'a.b.c.d.e.f.g.h',
    'x'.repeat(5_000),
  ];
  return fc.oneof(
    fc.constantFrom(...fixed),
    names.length ? fc.constantFrom(...names).map((n) => `${n}.__proto__`) : fc.constant('__proto__'),
    names.length ? fc.constantFrom(...names).map((n) => `${n}[0]`) : fc.constant('[0]'),
    lists.length
      ? fc.tuple(fc.constantFrom(...lists), fc.constantFrom('99999', '-1', '1e9', '0x1', '1.5', '')).map(([l, i]) => `${l}[${i}].x`)
      : fc.constant('lines[99999].x'),
    fc.string({ maxLength: 20 }),
  );
}

export type Entries = Array<[string, string]>;

/**
 * A body for one form (or none): each control kept, dropped, replaced by a hostile value or sent
 * several times (an array where a scalar is expected), one of its submit buttons, and extra fields.
 */
export function bodyFor(template: FormTemplate | null): fc.Arbitrary<Entries> {
  const controls = template?.controls ?? [];
  const fields = controls.filter((c) => c.type !== 'submit' && c.name !== 'csrf');
  const buttons = controls.filter((c) => c.type === 'submit');
  const field = (control: Control): fc.Arbitrary<Entries> =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant<Entries>([]) },
      {
        weight: 2,
        arbitrary: fc.constant(
          control.type === 'checkbox' || control.type === 'radio'
            ? control.checked
              ? [[control.name, control.value]]
              : []
            : [[control.name, control.value]],
        ) as fc.Arbitrary<Entries>,
      },
      { weight: 4, arbitrary: hostileValue.map((v) => [[control.name, v]] as Entries) },
      {
        weight: 1,
        arbitrary: fc.array(hostileValue, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [control.name, v] as [string, string])),
      },
    );
  const button: fc.Arbitrary<Entries> = buttons.length
    ? fc.oneof(
        fc.constantFrom(...buttons).map((b) => [[b.name, b.value]] as Entries),
        hostileValue.map((v) => [['intent', v]] as Entries),
        fc.constant<Entries>([]),
      )
    : fc.oneof(
        hostileValue.map((v) => [['intent', v]] as Entries),
        fc.constant<Entries>([]),
      );
  const extras = fc.array(fc.tuple(hostileName(controls), hostileValue), { maxLength: 3 });
  return fc
    .tuple(fc.tuple(...fields.map(field)), button, extras)
    .map(([perField, chosen, extra]) => [...perField.flat(), ...chosen, ...extra]);
}

/** Text of an error page or message in German, not an English default or a stack trace. */
export const germanText = /[äöüÄÖÜß]|\b(Sie|Bitte|bitte|nicht|kein|keine|Ihre|ungültig)\b/;
/** What a visible page must never show: error classes and defaults of the libraries. */
export const leakedInternals =
  /Unexpected Server Error|SqliteError|ZodError|TypeError|ReferenceError|RangeError|SyntaxError|You made a POST request|\bError: /;
/** A stack trace anywhere in the answer, also in data for the browser. */
export const stackTrace = /\bat (file:\/\/|node:|\/)[^\s"]+:\d+:\d+/;

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Who decides on an application is named one way everywhere a person reads it: the Sächsische
 * Aufbaubank (SAB) as Bewilligungsbehörde (FRL Teil 1 VII Nr. 1 and 8) – never "das Land" or "das
 * Ministerium" alone, never an anonymous "Bewilligungsbehörde" (issue 22). Texts live in the
 * routes and components, the rule catalogue, the QualitätsCheck content, the YAML cases and the
 * generated rule documentation.
 */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

const sources = [
  ...filesUnder('app', /\.tsx?$/),
  ...filesUnder('machines', /\.ts$/),
  ...filesUnder('tests/cases', /\.ya?ml$/),
  'docs/rules.md',
  'README.md',
];

/** Sentences a person reads in a file: code comments (English, for developers) left out, whitespace collapsed. */
function sentences(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/^\s*\/\/.*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?;])\s+(?=[A-ZÄÖÜ„])/)
    .filter((s) => /[a-zäöüß]/.test(s));
}

describe('one name for who decides', () => {
  it('names the SAB wherever a sentence says who decides or mentions the Bewilligungsbehörde', () => {
    const offending = sources.flatMap((file) =>
      sentences(readFileSync(file, 'utf8'))
        .filter(
          (s) =>
            (/entscheide[nt]\b/i.test(s) && /\b(Ministerium|Land|Fördergeber|Förderstelle)\b/.test(s)) || /Bewilligungsbehörde/.test(s),
        )
        .filter((s) => !/\bSAB\b|Aufbaubank/.test(s))
        .map((s) => `${file}: ${s.slice(0, 160)}`),
    );
    expect(offending).toEqual([]);
  });
});

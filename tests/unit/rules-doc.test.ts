import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueDocDate, catalogueMarkdown } from '../../machines/frl/catalogue';
import { criteria } from '../../machines/frl/criteria/index';
import { shippedParameters } from '../../machines/frl/parameters';

describe('docs/rules.md', () => {
  it('is generated from the catalogue the engine runs (npm run rules:doc)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(catalogueMarkdown(shippedParameters, catalogueDocDate));
  });
  it('lists every criterion with its id and clauses', () => {
    const doc = catalogueMarkdown(shippedParameters, catalogueDocDate);
    for (const c of criteria) {
      expect(doc).toContain(`\`${c.id}\``);
      for (const clause of c.clauses) expect(doc).toContain(clause);
    }
  });
});

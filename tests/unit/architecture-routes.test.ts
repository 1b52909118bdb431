import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Services by area (issue 15 Nr. 3): a route calls its area's services (app/<area>/*.server.ts)
 * and imports nothing from db/. The areas whose routes are done are listed here; the list grows
 * until it covers every route.
 */
const done: Array<{ area: string; routes: RegExp }> = [
  // The applications, without the implementation pages (app/umsetzung).
  { area: 'antrag', routes: /^antraege\.(?!\$id\.umsetzung)/ },
  { area: 'foerdercheck', routes: /^foerdercheck[._]/ },
  { area: 'antrag (calendar of deadlines)', routes: /^kalender\./ },
];

const routesDir = join(__dirname, '..', '..', 'app', 'routes');

function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('routes use their area services, not db/', () => {
  const routes = readdirSync(routesDir).filter((name) => /\.tsx?$/.test(name));
  for (const { area, routes: pattern } of done) {
    it(`${area}: routes import nothing from db/`, () => {
      const mine = routes.filter((name) => pattern.test(name));
      expect(mine.length).toBeGreaterThan(0);
      const violations = mine.flatMap((name) =>
        importsOf(join(routesDir, name))
          .filter((spec) => /^(\.\.\/)+db\//.test(spec))
          .map((spec) => `app/routes/${name} → ${spec}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('sees a violation (self-test)', () => {
    expect(/^(\.\.\/)+db\//.test('../../db/repositories/applications')).toBe(true);
    expect(/^(\.\.\/)+db\//.test('../db.server')).toBe(false);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import rule of the four rooms (docs/decisions/0003-layout-and-import-rules.md):
 * machines/ imports nothing of ours; forms/ and db/ may import machines/ only; app/ wires all.
 */
const rooms = ['app', 'machines', 'forms', 'db'] as const;
type Room = (typeof rooms)[number];
const allowed: Record<Room, Room[]> = {
  machines: ['machines'],
  forms: ['forms', 'machines'],
  db: ['db', 'machines'],
  app: ['app', 'machines', 'forms', 'db'],
};

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesOf(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function roomOf(path: string): Room | 'other' {
  const top = relative(resolve('.'), path).split(/[\\/]/)[0];
  return (rooms as readonly string[]).includes(top ?? '') ? (top as Room) : 'other';
}

function targetRoom(file: string, specifier: string): Room | 'other' | 'package' {
  if (specifier.startsWith('~/')) return 'app';
  if (!specifier.startsWith('.')) return 'package';
  return roomOf(resolve(file, '..', specifier));
}

const nodeOnly = /^(node:|better-sqlite3|kysely|@remix-run|react|express|pdf-lib|@pdf-lib)/;

describe('architecture', () => {
  for (const room of rooms) {
    it(`${room}/ imports only from ${allowed[room].join(', ')}`, () => {
      const violations = filesOf(room).flatMap((file) =>
        importsOf(file)
          .map((spec) => ({ spec, target: targetRoom(file, spec) }))
          .filter(({ target }) => target !== 'package' && !allowed[room].includes(target as Room))
          .map(({ spec }) => `${file} → ${spec}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('machines/ uses no I/O, database, UI or PDF packages (it runs in the browser too)', () => {
    const violations = filesOf('machines').flatMap((file) =>
      importsOf(file)
        .filter((spec) => nodeOnly.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('the routes of the service areas import nothing from db/ (they call app/<area>/ services)', () => {
    // Beratung, Umsetzung, Regelwerk, QualitätsCheck and Verwaltung so far (issue 15 Nr. 3); the other areas follow.
    const serviced = /^(beratung|antraege\.\$id\.umsetzung|regelwerk|regeln|schema|qualitaetscheck|verwaltung)[._[]/;
    const violations = filesOf(join('app', 'routes'))
      .filter((file) => serviced.test(relative(join('app', 'routes'), file)))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => targetRoom(file, spec) === 'db')
          .map((spec) => `${file} → ${spec}`),
      );
    expect(violations).toEqual([]);
  });

  it('the checker sees a violation (self-test)', () => {
    expect(targetRoom(resolve('machines/x.ts'), '../db/client')).toBe('db');
    expect(targetRoom(resolve('app/routes/x.tsx'), '~/db.server')).toBe('app');
    expect(allowed.machines.includes('db')).toBe(false);
  });
});

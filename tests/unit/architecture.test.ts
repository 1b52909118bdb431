import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import rule of the four rooms (docs/decisions/0003-layout-and-import-rules.md):
 * machines/ imports nothing of ours; forms/ and db/ may import machines/ only; app/ wires all.
 * Inside machines/, domains keep to their own folders (docs/decisions/0083-domain-boundaries.md).
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

/**
 * Inside machines/ (docs/decisions/0083-domain-boundaries.md): a domain folder machines/<domain>/
 * imports its own files, machines/shared/ and another domain's public entry (machines/<other>/public.ts)
 * only; machines/shared/ imports only itself. Returns why an import breaks the rule, or null.
 */
function domainOf(path: string): string | null {
  const parts = relative(resolve('.'), path).split(/[\\/]/);
  return parts[0] === 'machines' && parts.length > 2 ? (parts[1] ?? null) : null;
}

function domainViolation(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = resolve(file, '..', specifier);
  const from = domainOf(file);
  const to = domainOf(target);
  if (from === null || to === null || from === to || to === 'shared') return null;
  if (from === 'shared') return 'machines/shared/ imports no domain';
  const rest = relative(resolve('machines', to), target).replace(/\.tsx?$/, '');
  return rest === 'public' ? null : `reaches into machines/${to}/ (only machines/${to}/public.ts is open to other domains)`;
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

  // Issue 15 Nr. 3: routes call the services of their area (app/<area>/*.server.ts), which alone use db/.
  it('no route imports anything from db/ (routes call the services of their area)', () => {
    const violations = filesOf(join('app', 'routes')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => targetRoom(file, spec) === 'db')
        .map((spec) => `${file} → ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('a machines/ domain imports only itself, machines/shared/ and public entries of other domains', () => {
    const violations = filesOf('machines').flatMap((file) =>
      importsOf(file).flatMap((spec) => {
        const why = domainViolation(file, spec);
        return why ? [`${file} → ${spec}: ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });

  it("a domain's public entry only re-exports (it is a list of names, not a place for code)", () => {
    const entries = filesOf('machines').filter((file) => /[\\/]public\.ts$/.test(file));
    const withCode = entries.filter((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      return source.statements.some((s) => !(ts.isExportDeclaration(s) && s.moduleSpecifier));
    });
    expect(entries.length).toBeGreaterThan(0);
    expect(withCode).toEqual([]);
  });

  it('the domain checker sees a violation (self-test)', () => {
    expect(domainViolation(resolve('machines/qualitaetscheck/scoring.ts'), '../frl/catalogues')).toMatch(/machines\/frl\//);
    expect(domainViolation(resolve('machines/methoden/schema.ts'), '../frl/application/steps')).not.toBeNull();
    expect(domainViolation(resolve('machines/shared/format.ts'), '../frl/public')).not.toBeNull();
    expect(domainViolation(resolve('machines/methoden/schema.ts'), '../frl/public')).toBeNull();
    expect(domainViolation(resolve('machines/methoden/schema.ts'), '../shared/participation')).toBeNull();
    expect(domainViolation(resolve('machines/frl/application/forms.ts'), '../catalogues')).toBeNull();
    expect(domainViolation(resolve('machines/frl/application/forms.ts'), 'zod')).toBeNull();
  });

  it('the checker sees a violation (self-test)', () => {
    expect(targetRoom(resolve('machines/x.ts'), '../db/client')).toBe('db');
    expect(targetRoom(resolve('app/routes/x.tsx'), '~/db.server')).toBe('app');
    expect(targetRoom(resolve('app/routes/x.tsx'), '../../db/repositories/audit')).toBe('db');
    expect(allowed.machines.includes('db')).toBe(false);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsByStep, type FieldSpec } from '../../machines/frl/application/fields';

/**
 * One field, one place (issue 15): the texts of a registered field – its name, its question, its
 * "Angaben prüfen" label, the name of the fact it answers – are written only in the field registry
 * (machines/frl/application/fields). A module that writes one of them as a literal again has
 * started a second copy; it should read the registry instead.
 */

const root = join(__dirname, '..', '..');
const registry = 'machines/frl/application/fields/';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = ['app', 'machines', 'forms'].flatMap(sourceFiles).filter((f) => !f.startsWith(registry));

/**
 * Occurrences found when the registry was introduced, not yet derived from it ("file: text"). Many
 * are the same words naming something else (the organisation's master-data form, an event's
 * "Beginn", a list column "Förderweg"); the rest are the wizard's remaining copies (the step
 * components other than Vorhaben, the PDF texts, the Förder-Check). The list only shrinks: a new
 * occurrence fails, and so does an entry that no longer occurs.
 */
const notYetDerived = new Set([
  'app/beratung/comments.server.ts: Titel des Vorhabens',
  'app/components/antrag/applicant-step.tsx: Art der Organisation',
  'app/components/antrag/applicant-step.tsx: Postleitzahl',
  'app/components/antrag/applicant-step.tsx: Ort',
  'app/components/antrag/applicant-step.tsx: Landkreis oder kreisfreie Stadt',
  'app/components/antrag/applicant-step.tsx: Amtlicher Gemeindeschlüssel',
  'app/components/antrag/applicant-step.tsx: Registernummer',
  'app/components/antrag/applicant-step.tsx: Registergericht',
  'app/components/antrag/applicant-step.tsx: Vertretungsberechtigte Person',
  'app/components/antrag/applicant-step.tsx: Funktion der vertretungsberechtigten Person',
  'app/components/antrag/applicant-step.tsx: Ansprechperson',
  'app/components/antrag/applicant-step.tsx: E-Mail-Adresse der Ansprechperson',
  'app/components/antrag/applicant-step.tsx: Telefon der Ansprechperson',
  'app/components/antrag/applicant-step.tsx: Kontoinhaber',
  'app/components/antrag/applicant-step.tsx: Bankverbindung',
  'app/components/antrag/applicant-step.tsx: BIC',
  'app/components/antrag/applicant-step.tsx: Kreditinstitut',
  'app/components/antrag/applicant-step.tsx: Verbund',
  'app/components/antrag/budget-step.tsx: Beantragte Zuwendung',
  'app/components/antrag/budget-summary.tsx: Beantragte Zuwendung',
  'app/components/antrag/declarations-step.tsx: Ort',
  'app/components/antrag/declarations-step.tsx: Unterschrift',
  'app/components/antrag/project-step.tsx: Titel',
  'app/components/antrag/project-step.tsx: Beteiligungsformate',
  'app/components/antrag/project-step.tsx: Zielgruppen',
  'app/components/antrag/project-step.tsx: Beteiligungsportal',
  'app/components/antrag/project-step.tsx: Zusammenarbeit',
  'app/components/antrag/schedule-step.tsx: Beginn',
  'app/components/antrag/schedule-step.tsx: Ende',
  'app/components/foerdercheck/question-fields.tsx: Förderweg',
  'app/components/foerdercheck/question-fields.tsx: Wo wird das Vorhaben durchgeführt?',
  'app/components/foerdercheck/question-fields.tsx: Falls ja: Welche Funktion bietet das Beteiligungsportal nicht?',
  'app/components/foerdercheck/question-fields.tsx: Ende',
  'app/components/regelwerk/change-preview.tsx: Förderweg',
  'app/antrag/check-answers.server.ts: Anschrift',
  'app/antrag/check-answers.server.ts: Ansprechperson',
  'app/antrag/check-answers.server.ts: Bankverbindung',
  'app/antrag/check-answers.server.ts: Verbund',
  'app/antrag/check-answers.server.ts: Beantragte Zuwendung',
  'app/antrag/check-answers.server.ts: Begründung für eine höhere Zuwendung',
  'app/routes/antraege._index.tsx: Titel',
  'app/routes/antraege._index.tsx: Förderweg',
  'app/routes/antraege._index.tsx: Beantragte Zuwendung',
  'app/routes/beispiele.$slug.tsx: Ort',
  'app/routes/beispiele.$slug.tsx: Förderweg',
  'app/routes/beispiele._index.tsx: Förderweg',
  'app/routes/beratung._index.tsx: Förderweg',
  'app/routes/organisation.tsx: Art der Organisation',
  'app/routes/organisation.tsx: Anschrift',
  'app/routes/organisation.tsx: Postleitzahl',
  'app/routes/organisation.tsx: Ort',
  'app/routes/organisation.tsx: Landkreis oder kreisfreie Stadt',
  'app/routes/organisation.tsx: Registernummer',
  'app/routes/organisation.tsx: Registergericht',
  'app/routes/organisation.tsx: Vertretungsberechtigte Person',
  'app/routes/organisation.tsx: Funktion der vertretungsberechtigten Person',
  'app/routes/organisation.tsx: E-Mail-Adresse der Ansprechperson',
  'app/routes/organisation.tsx: Telefon der Ansprechperson',
  'app/routes/organisation.tsx: Kontoinhaber',
  'app/routes/organisation.tsx: Bankverbindung',
  'app/routes/organisation.tsx: BIC',
  'app/routes/organisation.tsx: Kreditinstitut',
  'app/routes/regelwerk.aufrufe.$id.tsx: Titel',
  'app/routes/registrieren.tsx: Art der Organisation',
  'app/routes/registrieren.tsx: Name der Organisation',
  'app/routes/veranstaltungen.verwalten.$id.tsx: Titel',
  'app/routes/veranstaltungen.verwalten.$id.tsx: Beginn',
  'app/routes/veranstaltungen.verwalten.$id.tsx: Ende',
  'app/regelwerk/statistics.server.ts: Förderweg',
  'machines/frl/application/anchors.ts: Landkreis oder kreisfreie Stadt',
  'machines/frl/application/anchors.ts: Amtlicher Gemeindeschlüssel',
  'machines/frl/application/anchors.ts: Ansprechperson',
  'machines/frl/application/anchors.ts: Titel',
  'machines/frl/application/anchors.ts: Teilvorhaben',
  'machines/frl/application/codecs/vorhaben.ts: Teilvorhaben',
  'machines/frl/criteria/applicant.ts: Gemeinnützigkeit',
  'machines/frl/criteria/applicant.ts: Verbund',
  'machines/frl/criteria/project.ts: Beteiligung freier Träger dargelegt',
  'machines/frl/criteria/project.ts: Kooperation mit der betroffenen Kommune dargelegt',
  'machines/frl/engine.ts: Förderweg',
  'machines/frl/foerdercheck/machine.ts: Ort',
  'machines/frl/foerdercheck/machine.ts: Gemeinnützigkeit',
  'machines/frl/foerdercheck/machine.ts: Verbund',
  'machines/frl/foerdercheck/machine.ts: Förderweg',
  'machines/frl/foerdercheck/machine.ts: Zusammenarbeit',
  'machines/frl/foerdercheck/machine.ts: Beginn',
  'machines/frl/foerdercheck/machine.ts: zum Vorsteuerabzug berechtigt',
  'machines/frl/regelwerk/call-form.ts: Titel',
  'machines/frl/regelwerk/case-form.ts: Verbund',
  'machines/umsetzung/bescheid-form.ts: Vorsteuerabzug',
  'machines/umsetzung/bescheid-form.ts: Eigenmittel',
  'forms/antrag/template/annexes.ts: Beantragte Zuwendung',
  'forms/antrag/template/pages.ts: Postleitzahl',
  'forms/antrag/template/pages.ts: Ort',
  'forms/antrag/template/pages.ts: Vertretungsberechtigte Person',
  'forms/antrag/template/pages.ts: Funktion der vertretungsberechtigten Person',
  'forms/antrag/template/pages.ts: Ansprechperson',
  'forms/antrag/template/pages.ts: Kontoinhaber',
  'forms/antrag/template/pages.ts: Bankverbindung',
  'forms/antrag/template/pages.ts: BIC',
  'forms/antrag/template/pages.ts: Kreditinstitut',
  'forms/antrag/template/pages.ts: Verbund',
  'forms/antrag/template/pages.ts: Titel des Vorhabens',
  'forms/antrag/template/pages.ts: Beantragte Zuwendung',
  'forms/antrag/template/pages.ts: Unterschrift',
  'forms/antrag/mapping.ts: Ansprechperson',
  'forms/antrag/mapping.ts: Als gemeinnützig anerkannt',
  'forms/antrag/mapping.ts: Unmittelbar betroffene Kommune',
]);

function textsOf(spec: FieldSpec): string[] {
  const texts = [spec.label, typeof spec.question === 'string' ? spec.question : undefined, spec.summary ? spec.summary.label : undefined];
  for (const fact of spec.facts ?? []) texts.push(fact.label);
  return texts.filter((t): t is string => !!t);
}

const texts = [...new Set(Object.values(fieldsByStep).flatMap((fields) => fields.flatMap(textsOf)))];

/** The text as a whole string literal or as the whole text of a JSX element or attribute. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const literal = (text: string) => new RegExp(`(['"\`])${escapeRegExp(text)}\\1|>\\s*${escapeRegExp(text)}\\s*<`);

describe('field registry', () => {
  it('has texts to look for', () => {
    expect(texts.length).toBeGreaterThan(80);
    expect(files.length).toBeGreaterThan(100);
  });

  it('no registered field is labelled anywhere else', () => {
    const found: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const text of texts) {
        if (literal(text).test(source)) found.push(`${relative('.', file)}: ${text}`);
      }
    }
    expect(found.filter((f) => !notYetDerived.has(f))).toEqual([]);
    expect([...notYetDerived].filter((f) => !found.includes(f))).toEqual([]);
  });
});

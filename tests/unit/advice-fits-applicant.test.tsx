import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EligibilityResultView, type Register } from '../../app/components/eligibility/result';
import { evaluate, type EligibilityResult } from '../../machines/frl/engine';
import { caseFactsSchema, type CaseFactsInput } from '../../machines/frl/facts';
import { fundingRoutes, routesForPart, type FundingRoute } from '../../machines/frl/routes';
import { organisationKinds, programmePartOf, type OrganisationKind } from '../../machines/shared/organisation';

/**
 * Issue 22, defect 2: every explanation and fix must fit the facts it was given – a GmbH is not told
 * to ask a member municipality, an applicant without a Verbund reads nothing about partners. For
 * every kind of applicant, the result page is rendered for representative facts (a case that breaks
 * as many rules as it can, one that meets them, with and without a Verbund) and read as a person would.
 */

const date = '2026-11-22';

/** Facts that break as many rules as possible at once. */
function troubled(kind: OrganisationKind, route: FundingRoute | undefined, verbund: CaseFactsInput['verbund'] | undefined): CaseFactsInput {
  return {
    applicant: {
      kind,
      landkreis: 'außerhalb Sachsens',
      nonprofit: false,
      locallyRooted: false,
      vatDeductible: true,
      mainlyPubliclyFunded: true,
    },
    ...(verbund ? { verbund } : {}),
    project: {
      ...(route ? { route } : {}),
      location: 'laenderuebergreifend',
      municipalLevel: false,
      statutoryProcedure: true,
      buergerbudgetFunds: true,
      usesBeteiligungsportal: true,
      softwareProcurement: true,
      start: '2026-01-15',
      end: '2029-02-28',
      alreadyStarted: false,
      freieTraegerCooperation: false,
      municipalityCooperation: false,
      supportLetter: false,
      againstFinalDecision: true,
      decidingBodySupports: false,
      buergerkommuneProof: 'keiner',
      federalOrEuFunding: 'keine',
      federalOrEuFundingDetails: 'Demokratie leben!',
    },
    declarations: { ebbsAndEvaluation: false, portalIdeas: false, fdgo: false, subsidyRelevantFacts: false, dataProtection: false },
    budget: {
      totalExpenditure: 2_000_000,
      financingCosts: 1000,
      amountsAreNet: false,
      requestedGrant: 1_950_000,
      ownCash: 1000,
      inKind: 40_000,
      thirdPartyEarmarked: 5000,
      otherPublic: 5000,
    },
  };
}

/** Facts that meet every rule of the applicant's route. */
function sound(kind: OrganisationKind, route: FundingRoute | undefined): CaseFactsInput {
  return {
    applicant: { kind, landkreis: 'Meißen', nonprofit: true, locallyRooted: true, vatDeductible: false, mainlyPubliclyFunded: false },
    project: {
      ...(route ? { route } : {}),
      location: 'sachsen',
      municipalLevel: true,
      statutoryProcedure: false,
      buergerbudgetFunds: false,
      usesBeteiligungsportal: false,
      softwareProcurement: false,
      start: '2027-03-01',
      end: '2027-12-31',
      alreadyStarted: false,
      freieTraegerCooperation: true,
      municipalityCooperation: true,
      supportLetter: true,
      againstFinalDecision: false,
      buergerkommuneProof: 'satzung',
      federalOrEuFunding: 'keine',
    },
    declarations: { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true },
    budget: { totalExpenditure: 11_000, requestedGrant: 9_900, ownCash: 1_100 },
  };
}

const withoutTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function page(result: EligibilityResult, register: Register): string {
  return withoutTags(renderToStaticMarkup(<EligibilityResultView result={result} register={register} />));
}

const verbunds: Record<string, CaseFactsInput['verbund'] | undefined> = {
  'ohne Verbund': undefined,
  'Verbund ohne Partner': { partners: [], leadNamed: true },
  'Verbund mit einem Verein': { partners: [{ name: 'Heimatverein', kind: 'verein' }], leadNamed: true },
};

/** Every situation a kind can be in: its routes (or none, as in the Förder-Check), each Verbund. */
function situations(kind: OrganisationKind) {
  const part = programmePartOf(kind);
  const routes: Array<FundingRoute | undefined> = [undefined, ...(part ? routesForPart(part) : fundingRoutes)];
  return routes.flatMap((route) =>
    Object.entries(verbunds).flatMap(([verbundName, verbund]) =>
      (['verwaltung', 'einfach'] as const).flatMap((register) => [
        {
          name: `${route ?? 'ohne Förderweg'}, ${verbundName}, ${register}, viele Probleme`,
          verbund,
          text: page(evaluate(date, caseFactsSchema.parse(troubled(kind, route, verbund))), register),
        },
        ...(verbund
          ? []
          : [
              {
                name: `${route ?? 'ohne Förderweg'}, ${register}, alles erfüllt`,
                verbund,
                text: page(evaluate(date, caseFactsSchema.parse(sound(kind, route))), register),
              },
            ]),
      ]),
    ),
  );
}

const municipal = new Set<OrganisationKind>([
  'gemeinde',
  'stadt',
  'kreisfreie_stadt',
  'landkreis',
  'verwaltungsverband',
  'verwaltungsgemeinschaft',
  'zweckverband',
  'ortschaft',
  'stadtbezirk',
]);

/** Sentences that only fit some applicants: who must not read them. */
const misfits: Array<{ why: string; pattern: RegExp; applies: (kind: OrganisationKind, verbund: boolean) => boolean }> = [
  {
    why: 'nur Kommunen haben Mitgliedsgemeinden',
    pattern: /Mitgliedsgemeinde|Mitgliedskommune/,
    applies: (kind) => !['verwaltungsverband', 'zweckverband'].includes(kind),
  },
  {
    why: 'die Organisation ist keine Kommune',
    pattern: /\bIhre(r|n)? (Kommune|Gemeinde|Stadt)\b/,
    applies: (kind) => !municipal.has(kind),
  },
  { why: 'nur ein Verein ist ein Verein', pattern: /\bIhr(en|em|es)? Verein/, applies: (kind) => kind !== 'verein' },
  { why: 'wer allein beantragt, hat keine Verbundpartner', pattern: /(?<!Projekt)[Pp]artner/, applies: (_kind, verbund) => !verbund },
  { why: 'Gemeinnützigkeit betrifft keine Kommune', pattern: /Freistellungsbescheid/, applies: (kind) => programmePartOf(kind) === 'A' },
];

describe('advice fits the applicant', () => {
  for (const kind of organisationKinds) {
    it(`${kind}: every explanation and fix on the result page fits`, () => {
      const found: string[] = [];
      for (const situation of situations(kind)) {
        for (const misfit of misfits) {
          if (!misfit.applies(kind, situation.verbund !== undefined)) continue;
          const hit = misfit.pattern.exec(situation.text);
          if (hit)
            found.push(`${situation.name}: „…${situation.text.slice(Math.max(0, hit.index - 80), hit.index + 60)}…“ (${misfit.why})`);
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('an applicant the directive does not fund is told who can apply instead, in words that fit its kind', () => {
    const expected: Partial<Record<OrganisationKind, RegExp>> = {
      verwaltungsverband: /Mitgliedsgemeinde/,
      verwaltungsgemeinschaft: /beteiligten Gemeinden/,
      zweckverband: /Mitgliedskommunen/,
      ortschaft: /Den Antrag stellt Ihre Gemeinde/,
      stadtbezirk: /Den Antrag stellt Ihre Stadt/,
      unternehmen: /gemeinnützig.*gemeinnütziger Träger oder die betroffene Kommune/,
      informelle_gruppe: /gemeinnützigen Träger/,
      natuerliche_person: /gemeinnützigen Träger/,
    };
    for (const kind of organisationKinds.filter((k) => programmePartOf(k) === null)) {
      const art = evaluate(date, caseFactsSchema.parse({ applicant: { kind } })).findings.find((f) => f.id === 'antragsteller.art')!;
      expect(art.status, kind).toBe('nicht_erfuellt');
      expect(art.fix, kind).toMatch(expected[kind]!);
    }
  });

  it('an applicant without a Verbund reads that the Verbund rules do not concern it, in both registers', () => {
    const result = evaluate(date, caseFactsSchema.parse(sound('gemeinde', 'A1.1')));
    const verbund = result.findings.find((f) => f.id === 'antragsteller.verbund')!;
    expect(verbund.status).toBe('erfuellt');
    expect(verbund.explanation!.einfach).toBe('Sie stellen den Antrag allein. Die Regeln für einen gemeinsamen Antrag gelten darum nicht.');
    expect(`${verbund.explanation!.verwaltung} ${verbund.explanation!.einfach}`).not.toMatch(/Partner/);
  });
});

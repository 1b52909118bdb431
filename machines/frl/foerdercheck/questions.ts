import { z } from 'zod';
import { dateField, euroField, evenWithFieldErrors, longText, optionalDateField, yesNoField } from '../../shared/fields';
import { formatDate } from '../../shared/format';
import { landkreise, organisationKinds, programmePartOf } from '../../shared/organisation';
import { fundingRoutes } from '../routes';
import type { CheckAnswers } from './answers';

/** The questions of the Förder-Check, in the order they can be asked; ids are URL segments. */
export const questionIds = [
  'art',
  'sitz',
  'gemeinnuetzigkeit',
  'verankerung',
  'foerderweg',
  'verbund',
  'buergerkommune',
  'inhalt',
  'ort',
  'zeitraum',
  'beginn',
  'beginn-klaeren',
  'portal',
  'kooperation',
  'foerderung',
  'kosten',
  'erklaerungen',
  'netto',
] as const;
export type QuestionId = (typeof questionIds)[number];

export const questionTitle: Record<QuestionId, string> = {
  art: 'Wer stellt den Antrag?',
  sitz: 'Wo hat Ihre Organisation ihren Sitz?',
  gemeinnuetzigkeit: 'Ist Ihre Organisation als gemeinnützig anerkannt?',
  verankerung: 'Ist Ihre Organisation in Sachsen vor Ort verankert?',
  foerderweg: 'Welcher Förderweg passt zu Ihrem Vorhaben?',
  verbund: 'Stellen Sie den Antrag gemeinsam mit anderen Kommunen?',
  buergerkommune: 'Hat Ihre Kommune Beteiligung schon verbindlich geregelt oder regelmäßig praktiziert?',
  inhalt: 'Worum geht es in Ihrem Vorhaben?',
  ort: 'Wo findet das Vorhaben statt?',
  zeitraum: 'Wann soll das Vorhaben laufen?',
  beginn: 'Haben Sie schon mit dem Vorhaben begonnen?',
  'beginn-klaeren': 'Wann beginnt das Vorhaben wirklich?',
  portal: 'Welche Technik wollen Sie nutzen?',
  kooperation: 'Mit wem arbeiten Sie zusammen?',
  foerderung: 'Gibt es für das Vorhaben Geld vom Bund oder der EU?',
  kosten: 'Was kostet das Vorhaben?',
  erklaerungen: 'Erklärungen zum Antrag',
  netto: 'Sind Ihre Kosten Nettobeträge?',
};

const required = (message: string) => ({ error: message });
const part = (a: CheckAnswers) => (a.kind ? programmePartOf(a.kind) : null);

/**
 * The zod schema of a question's form, given what is known (some questions differ between
 * Kommunen and Zivilgesellschaft) and the day of the check (`today`, ISO). Output: the answers to merge.
 */
export function questionSchema(question: QuestionId, a: CheckAnswers, today?: string) {
  switch (question) {
    case 'art':
      return z.object({ kind: z.enum(organisationKinds, required('Bitte wählen Sie, wer den Antrag stellt.')) });
    case 'sitz':
      return z.object({ landkreis: z.enum(landkreise, required('Bitte wählen Sie den Landkreis oder die kreisfreie Stadt.')) });
    case 'gemeinnuetzigkeit':
      return z.object({ nonprofit: yesNoField('Bitte antworten Sie mit Ja oder Nein.') });
    case 'verankerung':
      return z
        .object({
          locallyRooted: yesNoField('Bitte antworten Sie mit Ja oder Nein.'),
          seatExceptionReason: longText('die Begründung', 2000),
        })
        .superRefine((v, ctx) => {
          const outside = v.locallyRooted === false || a.landkreis === 'außerhalb Sachsens';
          if (outside && !v.seatExceptionReason) {
            ctx.addIssue({
              code: 'custom',
              path: ['seatExceptionReason'],
              message: 'Bitte begründen Sie kurz, warum Ihr Vorhaben trotzdem in Sachsen gefördert werden sollte.',
            });
          }
        }, evenWithFieldErrors);
    case 'foerderweg':
      return z.object({
        route: z
          .enum(fundingRoutes, required('Bitte wählen Sie einen Förderweg.'))
          .refine((r) => r !== 'B', { error: 'Bitte wählen Sie einen der Förderwege für Kommunen.' }),
      });
    case 'verbund':
      return z
        .object({
          verbund: yesNoField('Bitte antworten Sie mit Ja oder Nein.'),
          verbundAllGebietskoerperschaften: z
            .enum(['ja', 'nein'])
            .optional()
            .transform((v) => (v === undefined ? undefined : v === 'ja')),
        })
        .superRefine((v, ctx) => {
          if (v.verbund && v.verbundAllGebietskoerperschaften === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['verbundAllGebietskoerperschaften'],
              message: 'Bitte sagen Sie, ob alle Partner Gemeinden, Städte oder Landkreise sind.',
            });
          }
        }, evenWithFieldErrors);
    case 'buergerkommune':
      return z.object({
        buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner'], required('Bitte wählen Sie eine Antwort.')),
      });
    case 'inhalt':
      return part(a) === 'B'
        ? z
            .object({
              municipalLevel: yesNoField('Bitte sagen Sie, ob sich das Vorhaben auf eine Kommune bezieht.'),
              againstFinalDecision: yesNoField('Bitte sagen Sie, ob sich das Vorhaben gegen eine Entscheidung der Kommune richtet.'),
              decidingBodySupports: z
                .enum(['ja', 'nein'])
                .optional()
                .transform((v) => (v === undefined ? undefined : v === 'ja')),
            })
            .superRefine((v, ctx) => {
              if (v.againstFinalDecision && v.decidingBodySupports === undefined) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['decidingBodySupports'],
                  message: 'Bitte sagen Sie, ob der Gemeinderat oder Kreistag Ihren Antrag trotzdem unterstützt.',
                });
              }
            }, evenWithFieldErrors)
        : z.object({
            statutoryProcedure: yesNoField('Bitte sagen Sie, ob es um ein gesetzlich vorgeschriebenes Verfahren geht.'),
            buergerbudgetFunds: yesNoField('Bitte sagen Sie, ob mit der Förderung ein Bürgerbudget bezahlt werden soll.'),
          });
    case 'ort':
      return z
        .object({
          location: z.enum(['sachsen', 'laenderuebergreifend', 'ausserhalb'], required('Bitte wählen Sie, wo das Vorhaben stattfindet.')),
          crossBorderReason: longText('die Begründung', 2000),
        })
        .superRefine((v, ctx) => {
          if (v.location === 'laenderuebergreifend' && !v.crossBorderReason) {
            ctx.addIssue({
              code: 'custom',
              path: ['crossBorderReason'],
              message: 'Bitte begründen Sie kurz, warum das Vorhaben über Sachsen hinausgeht.',
            });
          }
        }, evenWithFieldErrors);
    case 'zeitraum':
      return z
        .object({
          start: dateField('den Beginn', 'Bitte geben Sie an, wann das Vorhaben beginnen soll.'),
          end: dateField('das Ende', 'Bitte geben Sie an, wann das Vorhaben enden soll.'),
        })
        .superRefine((v, ctx) => {
          if (v.start && v.end && v.end < v.start) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende muss nach dem Beginn liegen.' });
          }
        }, evenWithFieldErrors);
    case 'beginn':
      return z.object({ alreadyStarted: yesNoField('Bitte antworten Sie mit Ja oder Nein.') });
    case 'beginn-klaeren':
      // Resolves a start before the day of the check while "not started" was answered
      // (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3): either it has begun, or it begins later.
      return z
        .object({
          alreadyStarted: yesNoField('Bitte wählen Sie, was zutrifft.'),
          start: optionalDateField('den neuen Beginn'),
          end: optionalDateField('das Ende'),
        })
        .superRefine((v, ctx) => {
          if (v.alreadyStarted !== false) return;
          if (!v.start)
            ctx.addIssue({ code: 'custom', path: ['start'], message: 'Bitte geben Sie an, wann das Vorhaben jetzt beginnen soll.' });
          else if (today && v.start < today) {
            ctx.addIssue({
              code: 'custom',
              path: ['start'],
              message: `Der neue Beginn darf nicht vor dem heutigen Tag (${formatDate(today)}) liegen.`,
            });
          }
          if (!v.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Bitte geben Sie an, wann das Vorhaben enden soll.' });
          else if (v.start && v.end < v.start)
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende muss nach dem Beginn liegen.' });
        }, evenWithFieldErrors);
    case 'portal': {
      const usesBeteiligungsportal = yesNoField('Bitte sagen Sie, ob Sie das Beteiligungsportal nutzen wollen.');
      // The software exclusion (FRL Teil 2 A II Nr. 3) exists only for Kommunen; Teil 2 B has none.
      if (part(a) !== 'A') return z.object({ usesBeteiligungsportal });
      return z
        .object({
          usesBeteiligungsportal,
          softwareProcurement: yesNoField('Bitte sagen Sie, ob Sie Software kaufen oder mieten wollen.'),
          softwareReason: longText('die Begründung', 2000),
        })
        .superRefine((v, ctx) => {
          if (v.softwareProcurement && !v.softwareReason) {
            ctx.addIssue({
              code: 'custom',
              path: ['softwareReason'],
              message: 'Bitte begründen Sie, warum das Beteiligungsportal des Freistaates nicht ausreicht.',
            });
          }
        }, evenWithFieldErrors);
    }
    case 'kooperation':
      return part(a) === 'B'
        ? z.object({
            municipalityCooperation: yesNoField('Bitte sagen Sie, ob Sie mit der Kommune zusammenarbeiten.'),
            supportLetter: yesNoField('Bitte sagen Sie, ob die Kommune ein Unterstützungsschreiben gibt.'),
          })
        : z.object({ freieTraegerCooperation: yesNoField('Bitte sagen Sie, ob freie Träger mitwirken.') });
    case 'foerderung':
      return z.object({
        federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt'], required('Bitte wählen Sie eine Antwort.')),
      });
    case 'kosten':
      return z.object({
        totalExpenditureCents: euroField('die Gesamtkosten', { required: 'Bitte geben Sie die voraussichtlichen Gesamtkosten an.' }),
        requestedGrantCents: euroField('die gewünschte Förderung', {
          required: 'Bitte geben Sie an, wie viel Förderung Sie sich wünschen.',
        }),
      });
    case 'erklaerungen': {
      const answer = 'Bitte antworten Sie mit Ja oder Nein.';
      return z.object({
        ebbsAndEvaluation: yesNoField(answer),
        fdgo: yesNoField(answer),
        subsidyRelevantFacts: yesNoField(answer),
        dataProtection: yesNoField(answer),
        vatDeductible: yesNoField(answer),
        portalIdeas: a.usesBeteiligungsportal ? yesNoField(answer) : z.undefined().optional(),
        mainlyPubliclyFunded: part(a) === 'B' ? yesNoField(answer) : z.undefined().optional(),
      });
    }
    case 'netto':
      return z.object({ amountsAreNet: yesNoField('Bitte sagen Sie, ob die Kosten ohne Umsatzsteuer angegeben sind.') });
  }
}

/** The answers a question owns, so going back shows them and a changed kind can forget them. */
export const fieldsOf: Record<QuestionId, Array<keyof CheckAnswers>> = {
  art: ['kind'],
  sitz: ['landkreis'],
  gemeinnuetzigkeit: ['nonprofit'],
  verankerung: ['locallyRooted', 'seatExceptionReason'],
  foerderweg: ['route'],
  verbund: ['verbund', 'verbundAllGebietskoerperschaften'],
  buergerkommune: ['buergerkommuneProof'],
  inhalt: ['statutoryProcedure', 'buergerbudgetFunds', 'municipalLevel', 'againstFinalDecision', 'decidingBodySupports'],
  ort: ['location', 'crossBorderReason'],
  zeitraum: ['start', 'end'],
  beginn: ['alreadyStarted'],
  // Changes the answers of 'zeitraum' and 'beginn'; owns none of its own.
  'beginn-klaeren': [],
  portal: ['usesBeteiligungsportal', 'softwareProcurement', 'softwareReason'],
  kooperation: ['freieTraegerCooperation', 'municipalityCooperation', 'supportLetter'],
  foerderung: ['federalOrEuFunding'],
  kosten: ['totalExpenditureCents', 'requestedGrantCents'],
  erklaerungen: [
    'ebbsAndEvaluation',
    'fdgo',
    'subsidyRelevantFacts',
    'dataProtection',
    'vatDeductible',
    'portalIdeas',
    'mainlyPubliclyFunded',
  ],
  netto: ['amountsAreNet'],
};

/** Where in the questionnaire the facts of a criterion are asked (for "Angabe ändern" links). */
export function questionOfCriterion(criterionId: string): QuestionId | null {
  const exact: Record<string, QuestionId> = {
    'antragsteller.art': 'art',
    'antragsteller.foerderweg': 'foerderweg',
    'antragsteller.sitz-kommune': 'sitz',
    'antragsteller.gemeinnuetzig': 'gemeinnuetzigkeit',
    'antragsteller.sitz-und-verankerung': 'verankerung',
    'antragsteller.verbund': 'verbund',
    'vorhaben.ort': 'ort',
    'vorhaben.laenderuebergreifend': 'ort',
    'vorhaben.kommunale-ebene': 'inhalt',
    'vorhaben.keine-gesetzliche-beteiligung': 'inhalt',
    'vorhaben.keine-buergerbudget-mittel': 'inhalt',
    'vorhaben.keine-abschliessende-entscheidung': 'inhalt',
    'vorhaben.software-beteiligungsportal': 'portal',
    'vorhaben.buergerkommune-voraussetzung': 'buergerkommune',
    'vorhaben.freie-traeger': 'kooperation',
    'vorhaben.kooperation-kommune': 'kooperation',
    'vorhaben.unterstuetzungsschreiben': 'kooperation',
    'vorhaben.nachrang-bund-eu': 'foerderung',
    'zeitraum.nicht-begonnen': 'beginn',
    'zeitraum.vorzeitiger-beginn': 'kosten',
    // Gross amounts are fixed where they were entered; the way on passes the declarations and
    // the question whether the amounts are net.
    'finanzen.vorsteuer': 'kosten',
  };
  if (exact[criterionId]) return exact[criterionId]!;
  if (criterionId.startsWith('zeitraum.')) return 'zeitraum';
  if (criterionId.startsWith('erklaerung.')) return 'erklaerungen';
  if (criterionId.startsWith('finanzen.')) return 'kosten';
  return null;
}

import type { FieldMetadata } from '@conform-to/react';
import type { CheckAnswers } from '../../../machines/frl/foerdercheck/answers';
import type { QuestionId } from '../../../machines/frl/foerdercheck/questions';
import { routeInfo } from '../../../machines/frl/routes';
import { durationsHint, grantFieldHint, grantLimitsHint, routeDescription, type ParameterWords } from '../../../machines/frl/wording';
import { formatDate, formatEuro } from '../../../machines/shared/format';
import {
  landkreise,
  landkreisLabel,
  organisationKindInfo,
  organisationKinds,
  programmePartOf,
} from '../../../machines/shared/organisation';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { PrivacyNoticeLink } from '../privacy-notice-link';

type Fields = Record<string, FieldMetadata<any, any, string[]>>;

const yesNo = [
  { value: 'ja', label: 'Ja' },
  { value: 'nein', label: 'Nein' },
];

/** Why we ask, with the clause – shown under the question heading; amounts and durations as in force. */
export function questionHint(question: QuestionId, words: ParameterWords): string {
  if (question === 'zeitraum') return durationsHint(words);
  if (question === 'kosten') return grantLimitsHint(words);
  return fixedHints[question];
}

const fixedHints: Record<Exclude<QuestionId, 'zeitraum' | 'kosten'>, string> = {
  art: 'Antragsberechtigt sind Gemeinden, Städte und Landkreise (FRL Teil 2 A III) sowie gemeinnützige Vereine, Verbände, Stiftungen und gGmbH (FRL Teil 2 B III).',
  sitz: 'Gefördert werden Kommunen im Freistaat Sachsen und Träger, die hier ansässig sind (FRL Teil 2 A III, Teil 2 B III).',
  gemeinnuetzigkeit:
    'Zivilgesellschaftliche Träger müssen gemeinnützig sein; das zeigt der Freistellungsbescheid des Finanzamts (FRL Teil 2 B III).',
  verankerung:
    'Träger sollen in Sachsen ansässig und vor Ort verankert sein, zum Beispiel durch Mitglieder oder Projekte hier. Ausnahmen sind mit Begründung möglich (FRL Teil 2 B III Satz 2).',
  foerderweg: 'Kommunen haben drei Förderwege mit eigenen Höchstbeträgen und Laufzeiten (FRL Teil 2 A II Nr. 1, V Nr. 2 und 4).',
  verbund:
    'Mehrere Gebietskörperschaften können gemeinsam als Verbund beantragen; eine stellt den Antrag federführend (FRL Teil 2 A III Satz 2). Ein Verbund kann eine höhere Zuwendung begründen (V Nr. 3).',
  buergerkommune:
    'Bürgerkommune kann werden, wer Beteiligung bereits per Satzung geregelt hat oder Beteiligungsformate regelmäßig praktiziert (FRL Teil 2 A IV Nr. 5).',
  inhalt: 'Manche Vorhaben sind von der Förderung ausgeschlossen (FRL Teil 2 A II Nr. 2, Teil 2 B II und IV Nr. 4).',
  ort: 'Gefördert werden Vorhaben, die in Sachsen durchgeführt werden; länderübergreifende nur im Einzelfall (FRL Teil 2 A IV Nr. 1, Teil 2 B IV Nr. 1).',
  beginn:
    'Begonnen hat ein Vorhaben, sobald ein Auftrag (Liefer- oder Leistungsvertrag) vergeben ist. Begonnene Vorhaben sind nicht förderfähig (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3).',
  'beginn-klaeren':
    'Ein Beginn in der Vergangenheit und „noch nicht begonnen“ passen nicht zusammen. Begonnene Vorhaben sind nicht förderfähig; ein Vorhaben, das noch nicht begonnen hat, braucht einen Beginn, der noch bevorsteht (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3).',
  portal:
    'Der Freistaat stellt ein kostenloses Beteiligungsportal bereit. Wer es im Vorhaben nutzt, erklärt sich bereit, Ideen für seine Weiterentwicklung weiterzugeben (FRL Teil 2 A IV Nr. 3, Teil 2 B IV Nr. 6). Kommunen erhalten Förderung für eigene Software nur, wenn das Portal nicht ausreicht (FRL Teil 2 A II Nr. 3).',
  kooperation:
    'Kommunen sollen freie Träger einbeziehen (FRL Teil 2 A IV Nr. 4); Vereine sollen mit der betroffenen Kommune zusammenarbeiten und ein Unterstützungsschreiben beilegen (FRL Teil 2 B IV Nr. 3).',
  foerderung:
    'Gibt es für dieselben Maßnahmen Geld vom Bund oder der EU, fördert Sachsen nur nachrangig (FRL Teil 2 A IV Nr. 6, Teil 2 B IV Nr. 5).',
  netto:
    'Wer zum Vorsteuerabzug berechtigt ist, bekommt die Umsatzsteuer vom Finanzamt zurück. Sie ist deshalb nicht zuwendungsfähig; Kosten und Förderung werden netto berechnet (VwV zu § 44 SäHO Nr. 2.6, VVK Nr. 2.6).',
  erklaerungen:
    'Diese Erklärungen geben Sie im Antrag ab (FRL Teil 1 III, Teil 2 A IV Nr. 2, 3 und 7, Teil 2 B IV Nr. 2 und 6; VwV zu § 44 SäHO Nr. 3.1, 3.2.1, 3.2.3 und 3.5.5; VVK Nr. 3.3.3; ANBest-P Nr. 1.3).',
};

export function QuestionFields({
  question,
  fields,
  answers,
  words,
  today,
}: {
  question: QuestionId;
  fields: Fields;
  answers: CheckAnswers;
  words: ParameterWords;
  /** The day of the check (ISO). */
  today: string;
}) {
  const part = answers.kind ? programmePartOf(answers.kind) : null;
  const f = (name: string) => fields[name]!;
  switch (question) {
    case 'art':
      return (
        <SelectField
          field={f('kind')}
          label="Art der antragstellenden Organisation"
          options={organisationKinds.map((k) => ({ value: k, label: organisationKindInfo[k].label }))}
        />
      );
    case 'sitz':
      return (
        <SelectField
          field={f('landkreis')}
          label="Landkreis oder kreisfreie Stadt des Sitzes"
          options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
        />
      );
    case 'gemeinnuetzigkeit':
      return <RadioGroup field={f('nonprofit')} legend="Hat das Finanzamt die Gemeinnützigkeit anerkannt?" options={yesNo} inline />;
    case 'verankerung':
      return (
        <>
          <RadioGroup
            field={f('locallyRooted')}
            legend="Ist Ihre Organisation in Sachsen vor Ort aktiv, zum Beispiel mit Mitgliedern, Räumen oder Projekten?"
            options={yesNo}
            inline
          />
          <TextAreaField
            field={f('seatExceptionReason')}
            label="Falls nicht oder bei Sitz außerhalb Sachsens: Warum sollte Ihr Vorhaben trotzdem gefördert werden?"
            rows={4}
          />
        </>
      );
    case 'foerderweg':
      return (
        <RadioGroup
          field={f('route')}
          legend="Förderweg"
          options={(['A1.1', 'A1.2', 'A1.3'] as const).map((r) => ({
            value: r,
            label: `${routeInfo[r].label} (${routeInfo[r].clause})`,
            hint: routeDescription(r, words),
          }))}
        />
      );
    case 'verbund':
      return (
        <>
          <RadioGroup
            field={f('verbund')}
            legend="Beantragen Sie gemeinsam mit anderen Gebietskörperschaften als Verbund?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('verbundAllGebietskoerperschaften')}
            legend="Falls ja: Sind alle Partner Gemeinden, Städte oder Landkreise?"
            hint="Vereine oder Unternehmen können mitwirken, aber nicht Teil des Verbunds sein."
            options={yesNo}
            inline
          />
        </>
      );
    case 'buergerkommune':
      return (
        <RadioGroup
          field={f('buergerkommuneProof')}
          legend="Was trifft auf Ihre Kommune zu?"
          options={[
            { value: 'satzung', label: 'Wir haben eine Satzung mit verbindlichen Regeln zur Bürgerbeteiligung erlassen.' },
            { value: 'praxis', label: 'Wir praktizieren regelmäßig Beteiligungsformate und haben feste Beteiligungsinstrumente.' },
            { value: 'keiner', label: 'Beides trifft (noch) nicht zu.' },
          ]}
        />
      );
    case 'inhalt':
      return part === 'B' ? (
        <>
          <RadioGroup
            field={f('municipalLevel')}
            legend="Bezieht sich Ihr Vorhaben auf eine Gemeinde, Stadt oder einen Landkreis (oder mehrere angrenzende)?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('againstFinalDecision')}
            legend="Richtet sich Ihr Vorhaben gegen eine Entscheidung, die die Kommune bereits abschließend getroffen hat?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('decidingBodySupports')}
            legend="Falls ja: Unterstützt das zuständige Organ der Kommune (zum Beispiel der Gemeinderat) Ihren Antrag trotzdem?"
            options={yesNo}
            inline
          />
        </>
      ) : (
        <>
          <RadioGroup
            field={f('statutoryProcedure')}
            legend="Geht es um ein gesetzlich vorgeschriebenes Beteiligungsverfahren, zum Beispiel Bauleitplanung, Planfeststellung oder Raumordnung?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('buergerbudgetFunds')}
            legend="Soll mit der Förderung das Geld eines Bürgerbudgets oder Bürgerhaushalts selbst bereitgestellt werden?"
            hint="Die Organisation eines Bürgerbudgets (Moderation, Öffentlichkeitsarbeit, Abstimmung) kann gefördert werden."
            options={yesNo}
            inline
          />
        </>
      );
    case 'ort':
      return (
        <>
          <RadioGroup
            field={f('location')}
            legend="Wo wird das Vorhaben durchgeführt?"
            options={[
              { value: 'sachsen', label: 'In Sachsen' },
              { value: 'laenderuebergreifend', label: 'In Sachsen und darüber hinaus (länderübergreifend)' },
              { value: 'ausserhalb', label: 'Außerhalb Sachsens' },
            ]}
          />
          <TextAreaField field={f('crossBorderReason')} label="Falls länderübergreifend: Warum, und was hat Sachsen davon?" rows={4} />
        </>
      );
    case 'zeitraum':
      return (
        <>
          <TextField field={f('start')} label="Geplanter Beginn" hint="Zum Beispiel 01.03.2027" width="short" inputMode="numeric" />
          <TextField field={f('end')} label="Geplantes Ende" hint="Zum Beispiel 28.02.2028" width="short" inputMode="numeric" />
        </>
      );
    case 'beginn':
      return (
        <RadioGroup
          field={f('alreadyStarted')}
          legend="Haben Sie für das Vorhaben schon einen Auftrag vergeben oder einen Vertrag geschlossen?"
          hint="Verträge mit Rücktrittsrecht für den Fall, dass die Förderung abgelehnt wird, zählen nicht."
          options={yesNo}
          inline
        />
      );
    case 'beginn-klaeren':
      return (
        <>
          <p>
            Als Beginn haben Sie den {answers.start ? formatDate(answers.start) : '–'} angegeben; heute ist der {formatDate(today)}. Sie
            haben aber auch angegeben, noch keinen Auftrag vergeben zu haben.
          </p>
          <RadioGroup
            field={f('alreadyStarted')}
            legend="Was trifft zu?"
            options={[
              {
                value: 'nein',
                label: 'Wir haben noch keinen Auftrag vergeben. Das Vorhaben beginnt später.',
                hint: 'Geben Sie unten den neuen Zeitraum an.',
              },
              {
                value: 'ja',
                label: 'Wir haben schon einen Auftrag vergeben oder einen Vertrag geschlossen.',
                hint: 'Dann hat das Vorhaben begonnen.',
              },
            ]}
          />
          <TextField
            field={f('start')}
            label="Neuer Beginn"
            hint={`Frühestens heute, zum Beispiel ${formatDate(today)}`}
            width="short"
            inputMode="numeric"
          />
          <TextField field={f('end')} label="Ende" hint="Zum Beispiel 28.02.2028" width="short" inputMode="numeric" />
        </>
      );
    case 'portal':
      return (
        <>
          <RadioGroup
            field={f('usesBeteiligungsportal')}
            legend="Wollen Sie das Beteiligungsportal des Freistaates Sachsen nutzen?"
            options={yesNo}
            inline
          />
          {/* Only Kommunen: the software exclusion is FRL Teil 2 A II Nr. 3. */}
          {part === 'A' ? (
            <>
              <RadioGroup
                field={f('softwareProcurement')}
                legend="Wollen Sie eigene Beteiligungssoftware kaufen oder mieten?"
                options={yesNo}
                inline
              />
              <TextAreaField field={f('softwareReason')} label="Falls ja: Welche Funktion bietet das Beteiligungsportal nicht?" rows={4} />
            </>
          ) : null}
        </>
      );
    case 'kooperation':
      return part === 'B' ? (
        <>
          <RadioGroup
            field={f('municipalityCooperation')}
            legend="Arbeiten Sie mit der betroffenen Kommune zusammen?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('supportLetter')}
            legend="Gibt Ihnen die Kommune ein Unterstützungsschreiben für den Antrag?"
            options={yesNo}
            inline
          />
        </>
      ) : (
        <RadioGroup
          field={f('freieTraegerCooperation')}
          legend="Wirken freie Träger (Vereine, Initiativen, Wohlfahrtsverbände) an Ihrem Vorhaben mit?"
          options={yesNo}
          inline
        />
      );
    case 'foerderung':
      return (
        <RadioGroup
          field={f('federalOrEuFunding')}
          legend="Förderung durch Bund oder EU für dieselben Maßnahmen"
          options={[
            { value: 'keine', label: 'Nein, keine' },
            { value: 'beantragt', label: 'Ja, beantragt' },
            { value: 'bewilligt', label: 'Ja, bewilligt' },
          ]}
        />
      );
    case 'kosten':
      return (
        <>
          <TextField
            field={f('totalExpenditureCents')}
            label="Voraussichtliche Gesamtkosten in Euro"
            hint="Alle Ausgaben des Vorhabens, zum Beispiel 12.000 oder 12.000,00."
            width="medium"
            inputMode="decimal"
          />
          <TextField
            field={f('requestedGrantCents')}
            label="Gewünschte Förderung in Euro"
            hint={grantFieldHint(words)}
            width="medium"
            inputMode="decimal"
          />
        </>
      );
    case 'erklaerungen':
      return (
        <>
          <RadioGroup
            field={f('ebbsAndEvaluation')}
            legend="Sind Sie bereit, im Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung (EBBS) mitzuwirken und mit einer wissenschaftlichen Begleitung zusammenzuarbeiten?"
            options={yesNo}
            inline
          />
          {answers.usesBeteiligungsportal ? (
            <RadioGroup
              field={f('portalIdeas')}
              legend="Sind Sie bereit, Ideen und Anforderungen für die Weiterentwicklung des Beteiligungsportals weiterzugeben?"
              options={yesNo}
              inline
            />
          ) : null}
          <RadioGroup
            field={f('fdgo')}
            legend="Stehen Ihre Organisation und Ihre Projektpartner auf dem Boden der freiheitlichen demokratischen Grundordnung?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('subsidyRelevantFacts')}
            legend="Wissen Sie, dass die Angaben im Antrag subventionserheblich sind und falsche Angaben strafbar sein können (§ 264 StGB)?"
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('dataProtection')}
            legend="Haben Sie die Hinweise zum Datenschutz im Förderverfahren zur Kenntnis genommen?"
            hint={<PrivacyNoticeLink />}
            options={yesNo}
            inline
          />
          <RadioGroup
            field={f('vatDeductible')}
            legend="Ist Ihre Organisation für dieses Vorhaben zum Vorsteuerabzug berechtigt?"
            hint="Wenn ja, planen Sie alle Ausgaben netto (ohne Umsatzsteuer)."
            options={yesNo}
            inline
          />
          {part === 'B' ? (
            <RadioGroup
              field={f('mainlyPubliclyFunded')}
              legend="Finanziert sich Ihre Organisation insgesamt überwiegend aus öffentlichen Zuwendungen?"
              hint="Dann dürfen Beschäftigte nicht besser bezahlt werden als vergleichbare Landesbedienstete (Besserstellungsverbot)."
              options={yesNo}
              inline
            />
          ) : null}
        </>
      );
    case 'netto':
      return (
        <RadioGroup
          field={f('amountsAreNet')}
          legend={
            answers.totalExpenditureCents === undefined
              ? 'Haben Sie die Kosten ohne Umsatzsteuer (netto) angegeben?'
              : `Sind die angegebenen Gesamtkosten von ${formatEuro(answers.totalExpenditureCents)} Nettobeträge, also ohne Umsatzsteuer?`
          }
          hint="Wenn nicht, ändern Sie die Kosten und die gewünschte Förderung auf Nettobeträge."
          options={[
            { value: 'ja', label: 'Ja, ohne Umsatzsteuer (netto)' },
            { value: 'nein', label: 'Nein, mit Umsatzsteuer (brutto)' },
          ]}
          inline
        />
      );
  }
}

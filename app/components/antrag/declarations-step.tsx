import { CheckboxField, RadioGroup, TextField } from '../fields';
import { PrivacyNoticeLink } from '../privacy-notice-link';
import { Section, yesNoOptions, type Fields } from './common';

export function DeclarationsStep({ fields, part, usesPortal }: { fields: Fields; part: 'A' | 'B' | null; usesPortal: boolean }) {
  const f = (name: string) => fields[name]!;
  return (
    <>
      <Section
        id="erklaerungen"
        title="Eigenerklärungen"
        hint="Mit dem Antrag erklären Sie (FRL Teil 1 III, Teil 2 A IV Nr. 2, 3 und 7, Teil 2 B IV Nr. 2 und 6; VwV zu § 44 SäHO Nr. 3.2):"
      >
        <CheckboxField
          field={f('ebbsAndEvaluation')}
          label="Wir sind bereit, im Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung Sachsen (EBBS) mitzuwirken und mit einer wissenschaftlichen Begleitung zu kooperieren."
        />
        {usesPortal ? (
          <CheckboxField
            field={f('portalIdeas')}
            label="Wir stellen Projektideen, Konzepte und Anforderungen für die Weiterentwicklung des Beteiligungsportals zur Verfügung."
          />
        ) : null}
        <CheckboxField
          field={f('fdgo')}
          label="Unsere Organisation und unsere Projektpartner stehen auf dem Boden der freiheitlichen demokratischen Grundordnung und verfolgen keine Bestrebungen im Sinne des § 3 Abs. 1 SächsVSG."
        />
        <CheckboxField
          field={f('notStarted')}
          label="Mit dem Vorhaben wurde noch nicht begonnen; es ist kein Liefer- oder Leistungsvertrag geschlossen."
        />
        <CheckboxField
          field={f('subsidyRelevantFacts')}
          label="Uns ist bekannt, dass die Angaben im Antrag subventionserheblich sind (§ 264 StGB, § 1 SächsSubvG) und falsche Angaben strafbar sein können."
        />
        <CheckboxField
          field={f('dataProtection')}
          label="Wir haben die Hinweise zur Verarbeitung personenbezogener Daten im Förderverfahren zur Kenntnis genommen."
          hint={<PrivacyNoticeLink />}
        />
        {part === 'B' ? (
          <RadioGroup
            field={f('mainlyPubliclyFunded')}
            legend="Bestreitet Ihre Organisation ihre Gesamtausgaben überwiegend aus Zuwendungen der öffentlichen Hand?"
            hint="Wenn ja, gilt das Besserstellungsverbot: keine höhere Vergütung als vergleichbare Landesbedienstete (ANBest-P Nr. 1.3)."
            options={yesNoOptions}
            inline
          />
        ) : null}
      </Section>
      <Section id="unterschrift" title="Unterschrift" hint="Das ausgefüllte Formular unterschreibt die vertretungsberechtigte Person.">
        <TextField field={f('signatoryName')} label="Name der unterzeichnenden Person" />
        <TextField field={f('signatoryFunction')} optional label="Funktion" width="medium" />
        <TextField field={f('place')} label="Ort" width="medium" />
      </Section>
    </>
  );
}

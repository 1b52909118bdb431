import { CommentMarker } from '../review/comments';
import { participationFormats, participationLevelInfo, participationLevels, targetGroups } from '../../../machines/frl/catalogues';
import { routeInfo, routesForPart } from '../../../machines/frl/routes';
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { AddRowButton, HiddenId, RemoveRowButton, Section, rowsOf, yesNoOptions, type Fields } from './common';

export function ProjectStep({ fields, part }: { fields: Fields; part: 'A' | 'B' | null }) {
  const f = (name: string) => fields[name]!;
  const routes = routesForPart(part ?? 'A');
  const parts = rowsOf(f('parts'));
  const formats = rowsOf(f('formats'));
  const route = typeof f('route').initialValue === 'string' ? f('route').initialValue : undefined;
  return (
    <>
      <Section id="grunddaten" title="Grunddaten">
        <TextField field={f('title')} label="Titel des Vorhabens" hint="Kurz und verständlich, zum Beispiel „Bürgerrat Verkehrswende Wiesenbach“." />
        {part === 'B' ? (
          <>
            <input type="hidden" name={f('route').name} value="B" />
            <p>
              Förderweg: <strong>{routeInfo.B.label}</strong> ({routeInfo.B.clause})
            </p>
          </>
        ) : (
          <RadioGroup
            field={f('route')}
            legend="Förderweg"
            options={routes.map((r) => ({ value: r, label: `${routeInfo[r].label} (${routeInfo[r].clause})`, hint: routeInfo[r].description }))}
          />
        )}
        <TextAreaField field={f('summary')} label="Kurzbeschreibung" hint="Zwei bis drei Sätze: Was passiert, mit wem, wozu?" rows={3} />
        <TextAreaField field={f('goals')} label="Gesamtzielsetzung" hint="Was soll sich durch das Vorhaben ändern? Woran erkennen Sie den Erfolg?" rows={6} />
      </Section>
      <Section id="teilvorhaben" title="Teilvorhaben und Arbeitspakete">
        {parts.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
            <div className="row-card__head">
              <h3>Teilvorhaben {index + 1}</h3>
              <CommentMarker name={`parts[id=${String(row.id!.initialValue ?? '')}]`} />
              <RemoveRowButton list="parts" id={String(row.id!.initialValue ?? '')} index={index} label={`Teilvorhaben ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <TextField field={row.title!} label="Titel" />
            <TextAreaField field={row.description!} label="Beschreibung" rows={3} />
          </div>
        ))}
        <AddRowButton list="parts" label="Teilvorhaben hinzufügen" />
      </Section>
      <Section
        id="formate"
        title="Beteiligungsformate"
        hint="Wählen Sie die Formate aus dem Katalog und die Stufe der Beteiligung. Gesetzlich vorgeschriebene Instrumente (Einwohnerversammlung, Bürgerbegehren, Bauleitplanung) sind keine förderfähigen Formate."
      >
        {formats.map((row, index) => {
          const chosen = participationFormats.find((x) => x.id === row.format!.initialValue);
          return (
            <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
              <div className="row-card__head">
                <h3>Format {index + 1}</h3>
                <CommentMarker name={`formats[id=${String(row.id!.initialValue ?? '')}]`} />
                <RemoveRowButton list="formats" id={String(row.id!.initialValue ?? '')} index={index} label={`Format ${index + 1}`} />
              </div>
              <HiddenId field={row.id!} />
              <SelectField
                field={row.format!}
                label="Format"
                hint={chosen ? `${chosen.guidance}${chosen.note ? ` ${chosen.note}` : ''}` : undefined}
                options={participationFormats.map((x) => ({ value: x.id, label: x.label }))}
              />
              <RadioGroup
                field={row.level!}
                legend="Stufe der Beteiligung"
                options={participationLevels.map((l) => ({ value: l, label: participationLevelInfo[l].label, hint: participationLevelInfo[l].description }))}
              />
              <TextAreaField field={row.description!} label="Wie setzen Sie das Format ein?" rows={3} />
            </div>
          );
        })}
        <AddRowButton list="formats" label="Format hinzufügen" />
      </Section>
      <Section id="zielgruppen" title="Zielgruppen">
        <CheckboxGroup field={f('targetGroups')} legend="Wen wollen Sie beteiligen?" options={targetGroups.map((t) => ({ value: t.id, label: t.label }))} />
        <TextAreaField field={f('targetGroupsNote')} optional label="Wie erreichen Sie diese Gruppen, auch Kinder und Jugendliche?" rows={3} />
      </Section>
      <Section id="ort" title="Ort und Abgrenzung">
        <TextField field={f('placeDescription')} label="Ort des Vorhabens" hint="Gemeinde, Stadt oder Ortsteile." />
        <RadioGroup
          field={f('location')}
          legend="Wo wird das Vorhaben durchgeführt?"
          options={[
            { value: 'sachsen', label: 'In Sachsen' },
            { value: 'laenderuebergreifend', label: 'In Sachsen und darüber hinaus (länderübergreifend)' },
            { value: 'ausserhalb', label: 'Außerhalb Sachsens' },
          ]}
        />
        <TextAreaField field={f('crossBorderReason')} label="Falls länderübergreifend: Begründung" rows={3} />
        {part === 'B' ? (
          <>
            <RadioGroup field={f('municipalLevel')} legend="Bezieht sich das Vorhaben auf eine oder mehrere angrenzende Kommunen?" options={yesNoOptions} inline />
            <TextField field={f('affectedMunicipality')} label="Unmittelbar betroffene Kommune" />
            <RadioGroup field={f('againstFinalDecision')} legend="Richtet sich das Vorhaben gegen eine abschließende Entscheidung dieser Kommune?" options={yesNoOptions} inline />
            <RadioGroup field={f('decidingBodySupports')} legend="Falls ja: Unterstützt das zuständige Organ der Kommune den Antrag?" options={yesNoOptions} inline />
          </>
        ) : (
          <>
            <RadioGroup
              field={f('statutoryProcedure')}
              legend="Geht es um ein gesetzlich vorgeschriebenes Beteiligungsverfahren (Bauleitplanung, Planfeststellung, Raumordnung)?"
              options={yesNoOptions}
              inline
            />
            <RadioGroup field={f('buergerbudgetFunds')} legend="Soll die Förderung das Geld eines Bürgerbudgets selbst bereitstellen?" options={yesNoOptions} inline />
          </>
        )}
        {route === 'A1.3' ? (
          <>
            <RadioGroup
              field={f('buergerkommuneProof')}
              legend="Voraussetzung Bürgerkommune (FRL Teil 2 A IV Nr. 5)"
              options={[
                { value: 'satzung', label: 'Verbindliche Satzung zur Bürgerbeteiligung erlassen' },
                { value: 'praxis', label: 'Regelmäßig praktizierte Formate und feste Beteiligungsinstrumente' },
                { value: 'keiner', label: 'Beides trifft noch nicht zu' },
              ]}
            />
            <TextAreaField field={f('buergerkommuneProofText')} label="Satzung oder praktizierte Formate kurz beschreiben" hint="Den Nachweis laden Sie im Abschnitt „Anlagen“ hoch." rows={3} />
          </>
        ) : null}
      </Section>
      <Section
        id="portal"
        title={part === 'B' ? 'Beteiligungsportal' : 'Beteiligungsportal und Software'}
        hint={
          part === 'B'
            ? 'Das Beteiligungsportal des Freistaates ist kostenlos nutzbar.'
            : 'Das Beteiligungsportal des Freistaates ist kostenlos. Eigene Software wird nur gefördert, wenn das Portal nicht ausreicht (FRL Teil 2 A II Nr. 3).'
        }
      >
        <RadioGroup field={f('usesBeteiligungsportal')} legend="Nutzen Sie das Beteiligungsportal des Freistaates Sachsen?" options={yesNoOptions} inline />
        {part === 'B' ? null : (
          <>
            <RadioGroup field={f('softwareProcurement')} legend="Wollen Sie Software kaufen oder mieten?" options={yesNoOptions} inline />
            <TextAreaField field={f('softwareReason')} label="Falls ja: Welche Funktion bietet das Beteiligungsportal nicht?" rows={3} />
          </>
        )}
      </Section>
      <Section
        id="zusammenarbeit"
        title="Zusammenarbeit"
        hint={part === 'B' ? 'Beschreiben Sie die Kooperation mit der unmittelbar betroffenen Kommune (FRL Teil 2 B IV Nr. 3).' : 'Beschreiben Sie, wie freie Träger beteiligt sind oder mit Ihnen kooperieren (FRL Teil 2 A IV Nr. 4).'}
      >
        <RadioGroup
          field={f('cooperation')}
          legend={part === 'B' ? 'Arbeiten Sie mit der betroffenen Kommune zusammen?' : 'Wirken freie Träger am Vorhaben mit?'}
          options={yesNoOptions}
          inline
        />
        <TextAreaField field={f('cooperationDescription')} label="Beschreibung der Zusammenarbeit" rows={4} />
        <RadioGroup
          field={f('federalOrEuFunding')}
          legend="Gibt es für dieselben Maßnahmen Förderung durch Bund oder EU?"
          options={[
            { value: 'keine', label: 'Nein' },
            { value: 'beantragt', label: 'Ja, beantragt' },
            { value: 'bewilligt', label: 'Ja, bewilligt' },
          ]}
        />
        <TextAreaField field={f('federalOrEuFundingDetails')} optional label="Falls ja: Programm und Betrag" rows={2} />
      </Section>
      <Section id="begruendung" title="Begründung">
        <TextAreaField field={f('whyProject')} label="Warum ist das Vorhaben nötig?" hint="Ausgangslage, Anlass, Bedarf vor Ort." rows={6} />
        <TextAreaField field={f('whyFunding')} label="Warum brauchen Sie die Förderung?" hint="Was wäre ohne Förderung nicht möglich?" rows={4} />
      </Section>
    </>
  );
}

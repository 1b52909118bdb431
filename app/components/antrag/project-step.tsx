import { Link } from '@remix-run/react';
import { CommentMarker } from '../beratung/comments';
import { participationFormats, participationLevelInfo, participationLevels, targetGroups } from '../../../machines/shared/participation';
import { routeInfo, routesForPart, type FundingRoute } from '../../../machines/frl/routes';
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { projectFields, questionOf } from '../../../machines/frl/application/fields';
import { RegisteredFields } from './registered-fields';
import { AddRowButton, HiddenId, RemoveRowButton, Section, rowsOf, type Fields } from './common';

/** `routeHints`: what each route funds and how long, with the durations in force (wording.ts). */
export function ProjectStep({
  fields,
  part,
  routeHints,
  applicationId,
}: {
  fields: Fields;
  part: 'A' | 'B' | null;
  routeHints: Record<FundingRoute, string>;
  applicationId?: number;
}) {
  const f = (name: string) => fields[name]!;
  const routes = routesForPart(part ?? 'A');
  const parts = rowsOf(f('parts'));
  const formats = rowsOf(f('formats'));
  const route = (typeof f('route').initialValue === 'string' ? f('route').initialValue : undefined) as FundingRoute | undefined;
  const registered = { specs: projectFields, fields, part, route };
  const routeChoice = () =>
    part === 'B' ? (
      <>
        <input type="hidden" name={f('route').name} value="B" />
        <p>
          Förderweg: <strong>{routeInfo.B.label}</strong> ({routeInfo.B.clause})
        </p>
      </>
    ) : (
      <RadioGroup
        field={f('route')}
        legend={projectFields.find((x) => x.name === 'route')!.label}
        options={routes.map((r) => ({ value: r, label: `${routeInfo[r].label} (${routeInfo[r].clause})`, hint: routeHints[r] }))}
      />
    );
  const targetGroupChoice = () => (
    <CheckboxGroup
      field={f('targetGroups')}
      legend={questionOf(projectFields.find((x) => x.name === 'targetGroups')!, part)}
      options={targetGroups.map((t) => ({ value: t.id, label: t.label }))}
    />
  );
  return (
    <>
      <Section id="grunddaten" title="Grunddaten">
        <RegisteredFields {...registered} section="grunddaten" custom={{ route: routeChoice }} />
      </Section>
      <Section id="teilvorhaben" title="Teilvorhaben und Arbeitspakete">
        {parts.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
            <div className="row-card__head">
              <h3>Teilvorhaben {index + 1}</h3>
              <CommentMarker name={`parts[id=${String(row.id!.initialValue ?? '')}]`} />
              <RemoveRowButton list="parts" id={String(row.id!.initialValue ?? '')} label={`Teilvorhaben ${index + 1}`} />
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
        hint={
          <>
            Wählen Sie die Formate aus dem Katalog und die Stufe der Beteiligung. Gesetzlich vorgeschriebene Instrumente
            (Einwohnerversammlung, Bürgerbegehren, Bauleitplanung) sind keine förderfähigen Formate. Ablauf, Aufwand und typische Kosten
            jeder Methode finden Sie im <Link to={applicationId ? `/methoden?antrag=${applicationId}` : '/methoden'}>Methodenkatalog</Link>;
            dort können Sie eine Methode auch direkt in diesen Antrag übernehmen.
          </>
        }
      >
        {formats.map((row, index) => {
          const chosen = participationFormats.find((x) => x.id === row.format!.initialValue);
          return (
            <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
              <div className="row-card__head">
                <h3>Format {index + 1}</h3>
                <CommentMarker name={`formats[id=${String(row.id!.initialValue ?? '')}]`} />
                <RemoveRowButton list="formats" id={String(row.id!.initialValue ?? '')} label={`Format ${index + 1}`} />
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
                options={participationLevels.map((l) => ({
                  value: l,
                  label: participationLevelInfo[l].label,
                  hint: participationLevelInfo[l].description,
                }))}
              />
              <TextAreaField field={row.description!} label="Wie setzen Sie das Format ein?" rows={3} />
            </div>
          );
        })}
        <AddRowButton list="formats" label="Format hinzufügen" />
      </Section>
      <Section id="zielgruppen" title="Zielgruppen">
        <RegisteredFields {...registered} section="zielgruppen" custom={{ targetGroups: targetGroupChoice }} />
      </Section>
      <Section id="ort" title="Ort und Abgrenzung">
        <RegisteredFields {...registered} section="ort" />
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
        <RegisteredFields {...registered} section="portal" />
      </Section>
      <Section
        id="zusammenarbeit"
        title="Zusammenarbeit"
        hint={
          part === 'B'
            ? 'Beschreiben Sie die Kooperation mit der unmittelbar betroffenen Kommune (FRL Teil 2 B IV Nr. 3).'
            : 'Beschreiben Sie, wie freie Träger beteiligt sind oder mit Ihnen kooperieren (FRL Teil 2 A IV Nr. 4).'
        }
      >
        <RegisteredFields {...registered} section="zusammenarbeit" />
      </Section>
      <Section id="begruendung" title="Begründung">
        <RegisteredFields {...registered} section="begruendung" />
      </Section>
    </>
  );
}

import { CommentMarker } from '../beratung/comments';
import { RadioGroup, TextField } from '../fields';
import { AddRowButton, HiddenId, RemoveRowButton, Section, rowsOf, yesNoOptions, type Fields } from './common';

export function ScheduleStep({ fields, durationHint }: { fields: Fields; durationHint: string | null }) {
  const milestones = rowsOf(fields.milestones!);
  return (
    <>
      <Section id="zeitraum" title="Zeitraum" hint={durationHint ?? undefined}>
        <TextField field={fields.start!} label="Beginn" hint="TT.MM.JJJJ, zum Beispiel 01.03.2027" width="short" inputMode="numeric" />
        <TextField field={fields.end!} label="Ende" hint="TT.MM.JJJJ" width="short" inputMode="numeric" />
        <RadioGroup
          field={fields.alreadyStarted!}
          legend="Haben Sie für das Vorhaben schon Aufträge vergeben oder Verträge geschlossen?"
          hint="Begonnene Vorhaben sind nicht förderfähig. Verträge mit Rücktrittsrecht für den Fall der Ablehnung zählen nicht (VVK Nr. 1.3.1)."
          options={yesNoOptions}
          inline
        />
      </Section>
      <Section
        id="meilensteine"
        title="Meilensteine"
        hint="Wichtige Zwischenschritte, zum Beispiel Auftaktveranstaltung, Bürgerrat, Übergabe der Empfehlungen."
      >
        {milestones.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
            <div className="row-card__head">
              <h3>Meilenstein {index + 1}</h3>
              <CommentMarker name={`milestones[id=${String(row.id!.initialValue ?? '')}]`} />
              <RemoveRowButton list="milestones" id={String(row.id!.initialValue ?? '')} label={`Meilenstein ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <TextField field={row.title!} label="Bezeichnung" />
            <TextField field={row.date!} label="Datum" hint="TT.MM.JJJJ" width="short" inputMode="numeric" />
          </div>
        ))}
        <AddRowButton list="milestones" label="Meilenstein hinzufügen" />
      </Section>
    </>
  );
}

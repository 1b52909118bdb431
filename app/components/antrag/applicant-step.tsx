import { CommentMarker } from '../beratung/comments';
import { landkreise, landkreisLabel, organisationKindInfo, organisationKinds } from '../../../machines/shared/organisation';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { AddRowButton, HiddenId, RemoveRowButton, Section, fieldsetOf, rowsOf, yesNoOptions, type Fields } from './common';

const kindOptions = organisationKinds.map((k) => ({ value: k, label: organisationKindInfo[k].label }));
const landkreisOptions = landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }));

export function ApplicantStep({ fields, part }: { fields: Fields; part: 'A' | 'B' | null }) {
  const org = fieldsetOf(fields.organisation!);
  const f = (name: string) => org[name]!;
  const partners = rowsOf(fields.partners!);
  return (
    <>
      <Section
        id="organisation"
        title="Organisation"
        hint="Übernommen aus den Stammdaten Ihrer Organisation. Änderungen gelten für diesen Antrag."
      >
        <SelectField field={f('kind')} label="Art der Organisation" options={kindOptions} />
        <TextField field={f('name')} label="Name" autoComplete="organization" />
        <TextField
          field={f('ags')}
          label="Amtlicher Gemeindeschlüssel (AGS)"
          width="short"
          inputMode="numeric"
          hint="Nur für Kommunen: acht Ziffern."
        />
        <TextField field={f('registerNumber')} label="Registernummer" width="medium" hint="Nur für Vereine, Stiftungen und gGmbH." />
        <TextField field={f('registerCourt')} optional label="Registergericht" width="medium" />
        <TextField field={f('street')} label="Straße und Hausnummer" autoComplete="street-address" />
        <TextField field={f('postalCode')} label="Postleitzahl" width="short" inputMode="numeric" autoComplete="postal-code" />
        <TextField field={f('city')} label="Ort" width="medium" autoComplete="address-level2" />
        <SelectField field={f('landkreis')} label="Landkreis oder kreisfreie Stadt" options={landkreisOptions} />
      </Section>
      <Section id="vertretung" title="Vertretung und Ansprechperson">
        <TextField field={f('legalRepName')} label="Vertretungsberechtigte Person" />
        <TextField field={f('legalRepFunction')} label="Funktion der vertretungsberechtigten Person" width="medium" />
        <TextField field={f('contactName')} label="Ansprechperson für diesen Antrag" autoComplete="name" />
        <TextField
          field={f('contactEmail')}
          label="E-Mail-Adresse der Ansprechperson"
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField field={f('contactPhone')} label="Telefon der Ansprechperson" type="tel" width="medium" autoComplete="tel" />
      </Section>
      <Section id="bank" title="Bankverbindung">
        <TextField field={f('bankAccountHolder')} label="Kontoinhaber" />
        <TextField field={f('iban')} label="IBAN" width="medium" spellCheck={false} autoComplete="off" />
        <TextField field={f('bic')} optional label="BIC" width="short" spellCheck={false} autoComplete="off" />
        <TextField field={f('bankName')} label="Kreditinstitut" />
        <CheckboxField
          field={fields.updateMasterData!}
          label="Geänderte Angaben auch in die Stammdaten der Organisation übernehmen"
          hint="Dann gelten sie auch für künftige Anträge."
        />
      </Section>
      {part === 'B' ? (
        <Section
          id="traeger"
          title="Gemeinnützigkeit und Verankerung"
          hint="FRL Teil 2 B III: gemeinnützige Träger, in Sachsen ansässig und lokal verankert; Ausnahmen mit Begründung."
        >
          <RadioGroup
            field={fields.nonprofit!}
            legend="Ist Ihre Organisation vom Finanzamt als gemeinnützig anerkannt?"
            options={yesNoOptions}
            inline
          />
          <RadioGroup
            field={fields.locallyRooted!}
            legend="Ist Ihre Organisation in Sachsen vor Ort verankert (Mitglieder, Räume, Projekte)?"
            options={yesNoOptions}
            inline
          />
          <TextAreaField field={fields.seatExceptionReason!} label="Falls nicht oder bei Sitz außerhalb Sachsens: Begründung" rows={4} />
        </Section>
      ) : null}
      <Section
        id="verbund"
        title="Verbund"
        hint="Mehrere Gebietskörperschaften können gemeinsam beantragen; Ihre Organisation stellt den Antrag federführend (FRL Teil 2 A III Satz 2)."
      >
        <RadioGroup field={fields.isVerbund!} legend="Beantragen Sie als Verbund mit weiteren Kommunen?" options={yesNoOptions} inline />
        {partners.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
            <div className="row-card__head">
              <h3>Verbundpartner {index + 1}</h3>
              <CommentMarker name={`partners[id=${String(row.id!.initialValue ?? '')}]`} />
              <RemoveRowButton list="partners" id={String(row.id!.initialValue ?? '')} label={`Verbundpartner ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <TextField field={row.name!} label="Name" />
            <SelectField field={row.kind!} label="Art" options={kindOptions} />
            <SelectField field={row.landkreis!} label="Landkreis oder kreisfreie Stadt" options={landkreisOptions} />
            <TextField field={row.ags!} optional label="Amtlicher Gemeindeschlüssel" width="short" inputMode="numeric" />
            <TextField field={row.contact!} optional label="Ansprechperson" />
          </div>
        ))}
        <AddRowButton list="partners" label="Verbundpartner hinzufügen" />
      </Section>
    </>
  );
}

import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { longText, optionalText } from '../../machines/shared/fields';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { sendAccessibilityFeedback } from '../konto/account.server';
import { parseProtectedForm } from '../utils/forms.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Erklärung zur Barrierefreiheit – Förderlotse Bürgerbeteiligung' }];

const feedbackSchema = z.object({
  message: longText('Ihre Nachricht', 5000, 'Bitte beschreiben Sie, wo Sie auf eine Barriere gestoßen sind.'),
  page: optionalText('die Seitenangabe', 300),
  contact: optionalText('die Kontaktangabe', 200),
});

export function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.has('gesendet') };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, feedbackSchema);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await sendAccessibilityFeedback({
    message: submission.value.message,
    page: submission.value.page || null,
    contact: submission.value.contact || null,
  });
  return redirect('/barrierefreiheit?gesendet=1#rueckmeldung');
}

export default function Accessibility() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'rueckmeldung-form',
    lastResult: actionData?.result,
    constraint: getZodConstraint(feedbackSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  });
  return (
    <div className="prose">
      <h1>Erklärung zur Barrierefreiheit</h1>
      <p>
        Der Förderlotse Bürgerbeteiligung soll für alle Menschen ohne Barrieren nutzbar sein. Diese Erklärung gilt für alle Seiten dieses
        Angebots. Maßstab sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), die harmonisierte Norm EN 301 549 und die Web
        Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.
      </p>
      <h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
      <p>
        Nach unserer Prüfung ist das Angebot mit den Anforderungen <strong>vollständig vereinbar</strong>. Jede Seite wird bei jeder
        Änderung automatisch mit axe-core auf die Kriterien der WCAG 2.1 (Stufen A und AA) geprüft und zusätzlich darauf, dass sie bei 320
        CSS-Pixeln Breite (400 % Vergrößerung) ohne seitliches Scrollen lesbar bleibt; die Bedienung nur mit der Tastatur und mit
        ausgeschaltetem JavaScript wird bei jeder Änderung automatisch getestet.
      </p>
      <h2>Nicht barrierefreie Inhalte</h2>
      <p>
        Uns sind derzeit keine nicht barrierefreien Inhalte bekannt. Die erzeugten PDF-Formulare enthalten Formularfelder mit Namen und die
        Dokumentsprache Deutsch. Automatische Prüfungen finden nicht jede Barriere – bitte sagen Sie uns, wenn Ihnen etwas auffällt.
      </p>
      <h2>Erstellung dieser Erklärung</h2>
      <p>Diese Erklärung wurde am 22.11.2026 erstellt, zuletzt am 07.12.2026 überprüft und beruht auf einer Selbstbewertung.</p>
      <h2 id="rueckmeldung" tabIndex={-1}>
        Barriere melden
      </h2>
      <p>
        Wenn Sie auf eine Barriere stoßen, schreiben Sie uns hier. Wir antworten innerhalb von zwei Wochen, wenn Sie eine Kontaktmöglichkeit
        angeben. Ein Konto brauchen Sie dafür nicht.
      </p>
      {sent ? (
        <div className="notice notice--success" role="status">
          <p>Vielen Dank, Ihre Rückmeldung ist bei uns eingegangen.</p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <TextAreaField field={fields.message} label="Wo sind Sie auf eine Barriere gestoßen?" />
        <TextField field={fields.page} optional label="Auf welcher Seite?" hint="Zum Beispiel die Adresse oder der Titel der Seite." />
        <TextField
          field={fields.contact}
          optional
          label="Wie können wir Sie erreichen?"
          hint="E-Mail-Adresse oder Telefonnummer."
          autoComplete="email"
        />
        <button type="submit" className="button">
          Rückmeldung senden
        </button>
      </PostForm>
      <h2>Durchsetzungsverfahren</h2>
      <p>
        Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten haben, können Sie sich an die
        Durchsetzungsstelle nach dem Sächsischen Inklusionsgesetz wenden. Sie ist beim Beauftragten der Sächsischen Staatsregierung für die
        Belange von Menschen mit Behinderungen angesiedelt. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.
      </p>
    </div>
  );
}

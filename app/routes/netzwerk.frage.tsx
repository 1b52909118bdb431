import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { stepIds, stepInfo, type StepId } from '../../machines/frl/application/steps';
import { askCategory, askSchema, contextLines } from '../../machines/netzwerk/context';
import { requireReadableApplication, type ApplicationAccess } from '../access.server';
import { CheckboxField, ErrorSummary } from '../components/fields';
import { NewThreadFields } from '../components/netzwerk/thread-fields';
import { PostForm } from '../components/forms';
import { askFromStep, contextFor, memberOf } from '../netzwerk/context.server';
import { checkPost, threadPath } from '../netzwerk/topics.server';
import { requireUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction = () => [{ title: 'Frage an das EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/**
 * A question to the network asked from a wizard step (issue 20 Nr. 6, ADR 0075): the new-thread form
 * with the step's non-personal context, which the asker sees in full and may leave off. Only people
 * who may read the draft use its context (404 otherwise, as on the draft); only members post.
 */
async function requireOrigin(request: Request): Promise<{ access: ApplicationAccess; step: StepId }> {
  const params = new URL(request.url).searchParams;
  const antrag = params.get('antrag');
  if (antrag === null) throw redirect('/netzwerk/themen#neues-thema');
  const access = await requireReadableApplication(request, antrag);
  const schritt = params.get('schritt');
  if (!schritt || !(stepIds as readonly string[]).includes(schritt)) throw new Response('Nicht gefunden', { status: 404 });
  return { access, step: schritt as StepId };
}

const notMemberMessage =
  'Fragen an das Netzwerk stellen nur Mitglieder des EBBS-Netzwerks. Bitte treten Sie zuerst bei (Profil anlegen); Ihr Text bleibt hier stehen, bis Sie die Seite verlassen.';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { access, step } = await requireOrigin(request);
  const id = access.loaded.row.id;
  return {
    applicationId: id,
    step,
    stepTitle: stepInfo[step].title,
    context: contextLines(contextFor(access, step)),
    member: (await memberOf(user.id)) !== null,
    back: access.as === 'advisor' ? `/beratung/${id}` : `/antraege/${id}/${step}`,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // The CSRF check comes first, so a forged form learns nothing about drafts or members.
  const user = await requireUser(request);
  const { submission } = await parseProtectedForm(request, askSchema);
  const { access, step } = await requireOrigin(request);
  const member = await memberOf(user.id);
  if (!member) return data({ result: submission.reply({ formErrors: [notMemberMessage] }) }, { status: 403 });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const checked = await checkPost(member, submission.value.body);
  if ('refusal' in checked) {
    const { refusal } = checked;
    return data(
      { result: submission.reply(refusal.field ? { fieldErrors: { body: [refusal.message] } } : { formErrors: [refusal.message] }) },
      { status: refusal.status },
    );
  }
  const threadId = await askFromStep(member, user.id, submission.value, checked.mentioned, {
    applicationId: access.loaded.row.id,
    step,
    context: submission.value.kontext ? contextFor(access, step) : null,
  });
  return redirect(`${threadPath(threadId)}?neu=1`);
}

export default function AskTheNetwork() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'frage',
    lastResult: actionData?.result,
    defaultValue: { category: askCategory, question: 'ja', kontext: true },
    constraint: getZodConstraint(askSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to={d.back}>Zurück zum Abschnitt „{d.stepTitle}“</Link> · <Link to="/netzwerk/themen">Themen des Netzwerks</Link>
      </p>
      <h1>Frage an das EBBS-Netzwerk stellen</h1>
      <p>
        Ihre Frage lesen alle Mitglieder des EBBS-Netzwerks. Schreiben Sie bitte keine Namen, Adressen, Beträge Ihrer Organisation oder
        andere persönliche Angaben in Überschrift und Text.
      </p>
      {!d.member ? (
        <div className="notice notice--warning" role="status">
          <p>
            Sie sind noch nicht Mitglied des EBBS-Netzwerks. Fragen stellen nur Mitglieder.{' '}
            <Link to="/netzwerk/profil">Dem Netzwerk beitreten (Profil anlegen)</Link>
          </p>
        </div>
      ) : null}
      <ErrorSummary form={form} order={['category', 'title', 'question', 'body', 'kontext']} />
      <PostForm {...getFormProps(form)} action={`/netzwerk/frage?antrag=${d.applicationId}&schritt=${d.step}`} noValidate>
        <NewThreadFields
          fields={fields}
          titleLabel="Überschrift Ihrer Frage"
          bodyHint="Mitglieder erwähnen Sie mit @ und ihrem Namen aus dem Verzeichnis."
        />
        <section className="notice" aria-labelledby="kontext-titel">
          <h2 id="kontext-titel" className="heading-small">
            Kontext, der mit Ihrer Frage veröffentlicht wird
          </h2>
          <ul id="kontext-angaben">
            {d.context.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="hint">
            Nur diese Angaben aus unseren Verzeichnissen, nichts von dem, was Sie im Antrag geschrieben haben: kein Titel, keine Namen,
            Adressen oder Beträge.
          </p>
          <CheckboxField field={fields.kontext} label="Diesen Kontext mit der Frage veröffentlichen" />
        </section>
        <button type="submit" className="button">
          Frage veröffentlichen
        </button>
      </PostForm>
    </>
  );
}

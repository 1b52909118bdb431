import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { APPLICATION_JSON_SCHEMA_PATH, decodeJsonFile, importApplication } from '../../forms/antrag/json';
import { importDraft } from '../antrag/drafts.server';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Antrag aus JSON-Datei importieren – Förderlotse Bürgerbeteiligung' }];

const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Said when a file is too large for the import (also after server.mjs refused the upload as a whole). */
const TOO_LARGE =
  'Die Datei ist größer als 2 MB. Ein exportierter Antrag ist deutlich kleiner; bitte prüfen Sie, ob Sie die richtige Datei gewählt haben.';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApplicant(request);
  return { tooLarge: new URL(request.url).searchParams.get('fehler') === 'zu-gross' };
}

type ActionResult = { errors: string[]; text: string; source: 'datei' | 'text' };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const file = form.get('datei');
  const pasted = String(form.get('text') ?? '');
  let text = pasted;
  const source = file instanceof File && file.size > 0 ? 'datei' : 'text';
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_JSON_BYTES) return data<ActionResult>({ errors: [TOO_LARGE], text: pasted, source }, { status: 400 });
    const decoded = decodeJsonFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return data<ActionResult>({ errors: [decoded.error], text: pasted, source }, { status: 400 });
    text = decoded.text;
  }
  if (!text.trim())
    return data<ActionResult>(
      { errors: ['Bitte wählen Sie eine JSON-Datei aus oder fügen Sie den Inhalt in das Textfeld ein.'], text: pasted, source: 'datei' },
      { status: 400 },
    );
  const imported = importApplication(text);
  if (!imported.ok) {
    const more = imported.errors.length > 20 ? [`… und ${imported.errors.length - 20} weitere Angaben.`] : [];
    return data<ActionResult>({ errors: [...imported.errors.slice(0, 20), ...more], text: pasted, source }, { status: 400 });
  }

  const { id, foreign } = await importDraft(user, imported.data);
  return redirect(`/antraege/${id}?hinweis=${foreign ? 'importiert-stammdaten' : 'importiert'}`);
}

export default function ImportApplication() {
  const result = useActionData<typeof action>();
  const { tooLarge } = useLoaderData<typeof loader>();
  const errors = result?.errors ?? (tooLarge ? [TOO_LARGE] : []);
  return (
    <div className="prose">
      <p className="caption">
        <Link to="/antraege">Meine Anträge</Link>
      </p>
      <h1>Antrag aus JSON-Datei importieren</h1>
      <p>
        Hier legen Sie aus einer Datei, die Sie mit „Als JSON exportieren“ gespeichert haben, einen neuen Entwurf an. Der ursprüngliche
        Antrag bleibt unverändert. Anlagen sind nicht Teil der Datei und müssen neu hochgeladen werden.
      </p>
      <MessageSummary id="import-fehler" errors={errors.map((message) => ({ href: `#${result?.source ?? 'datei'}`, message }))} />
      <PostForm encType="multipart/form-data">
        <div className={`field${errors.length ? ' field--error' : ''}`}>
          <label htmlFor="datei" className="field__label">
            JSON-Datei
          </label>
          <p className="field__hint" id="import-hinweis">
            Eine Datei im Format „Antrag Version 1“ (höchstens 2 MB). Das Format ist als{' '}
            <a href={APPLICATION_JSON_SCHEMA_PATH}>JSON Schema</a> beschrieben.
          </p>
          <input
            type="file"
            id="datei"
            name="datei"
            aria-describedby="import-hinweis"
            accept="application/json,.json"
            className="file-input"
          />
        </div>
        <div className="field">
          <label htmlFor="text" className="field__label">
            oder Inhalt der Datei einfügen<span className="field__optional"> (optional)</span>
          </label>
          <textarea id="text" name="text" className="textarea" rows={6} defaultValue={result?.text ?? ''} spellCheck={false} />
        </div>
        <button type="submit" className="button">
          Als neuen Entwurf importieren
        </button>
      </PostForm>
    </div>
  );
}

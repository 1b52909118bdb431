import type { DB } from '../client';
import { createIssue } from '../repositories/newsletter';
import { findUserByEmail } from '../repositories/users';

/**
 * Demo newsletter (issue 18 Nr. 10): one sent issue in the archive and one draft for the editors, so a
 * new user sees both. No subscribers: nobody in the demo asked for mail. Idempotent.
 */
export async function seedDemoNewsletter(db: DB): Promise<void> {
  if (await db.selectFrom('newsletter_issues').select('id').executeTakeFirst()) return;
  const editor = await findUserByEmail(db, 'beratung@demo.example');
  if (!editor) return;
  const sentAt = '2026-10-01T08:00:00.000Z';
  const sent = await createIssue(
    db,
    {
      subject: 'Herbst 2026: Förderaufruf, QualitätsCheck-Werkstätten und ein Jugendforum zum Nachmachen (Demo)',
      body: [
        'Guten Tag,',
        '',
        'der neue Förderaufruf nach der FRL Bürgerbeteiligung ist veröffentlicht. In unseren Online-Sprechstunden beantworten wir Ihre Fragen zur Antragstellung.',
        '',
        'Neu im Methodenkatalog: der Bürgerrat mit Losverfahren. Als gutes Beispiel stellen wir das Jugendforum Talheim vor.',
        '',
        'Ihr Team der EBBS (Demodaten)',
      ].join('\n'),
    },
    editor.id,
    new Date(sentAt),
  );
  await db.updateTable('newsletter_issues').set({ sent_at: sentAt }).where('id', '=', sent).execute();
  await createIssue(
    db,
    {
      subject: 'Winter 2026: Termine im ersten Quartal (Entwurf, Demo)',
      body: 'Guten Tag,\n\nim Januar beginnen die neuen Methodentrainings.\n\nIhr Team der EBBS (Demodaten)',
    },
    editor.id,
  );
}

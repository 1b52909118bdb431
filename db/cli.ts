/**
 * Database commands for operators:
 *   npm run db:migrate
 *   npm run db:seed
 *   npm run db:backup -- FILE
 *   npm run db:housekeeping         (also runs in the app every six hours)
 *   npm run db:restore -- FILE      (stop the app first)
 *   npm run db:move -- [--from FILE] [--from-uploads DIR]   (SQLite installation → empty PostgreSQL at DATABASE_URL)
 *   npm run user:create -- --email a@b.de --name "Vorname Name" --role advisor [--organisation-id 1] [--password …]
 * The database is PostgreSQL at DATABASE_URL if set, else the file DATABASE_FILE (default data/foerderlotse.sqlite).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { roles, type Role } from '../machines/shared/organisation';
import {
  databaseFileFromEnv,
  databaseUrlFromEnv,
  describeDatabase,
  migrateToLatest,
  openDatabase,
  openSqlite,
  uploadDirFromEnv,
} from './client';
import { recordAudit } from './repositories/audit';
import { findOrganisation } from './repositories/organisations';
import { createUser, findUserByEmail } from './repositories/users';
import { seedDemoApplications } from './demo/seed-applications';
import { fileStoreFromEnv } from './file-store';
import { runHousekeeping } from './repositories/housekeeping';
import { moveSqliteToPostgres } from './move';
import { seedDemoData } from './seed';

const [command, ...rest] = process.argv.slice(2);
const file = databaseFileFromEnv();

function fail(message: string): never {
  console.error(`Fehler: ${message}`);
  process.exit(1);
}

async function main() {
  switch (command) {
    case 'migrate': {
      const db = openDatabase();
      const result = await migrateToLatest(db);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(
        applied.length ? `Migriert (${describeDatabase()}): ${applied.join(', ')}` : `Datenbank ist aktuell (${describeDatabase()}).`,
      );
      await db.destroy();
      return;
    }
    case 'seed': {
      const db = openDatabase();
      await migrateToLatest(db);
      const { created, calls } = await seedDemoData(db);
      const applications = await seedDemoApplications(db, fileStoreFromEnv());
      console.log(created.length ? `Demo-Konten angelegt: ${created.join(', ')}` : 'Demo-Konten sind bereits vorhanden.');
      if (calls.length) console.log(`Demo-Förderaufruf angelegt: ${calls.join(', ')} (im Regelwerk als Beispieldaten gekennzeichnet)`);
      console.log(applications.length ? `Demo-Anträge angelegt: ${applications.join('; ')}` : 'Demo-Anträge sind bereits vorhanden.');
      await db.destroy();
      return;
    }
    case 'housekeeping': {
      const db = openDatabase();
      await migrateToLatest(db);
      const { attachmentFiles, ...counts } = await runHousekeeping(db, fileStoreFromEnv());
      console.log(
        `Aufgeräumt: ${counts.applications} gelöschte Entwürfe (${attachmentFiles.length} Anlagen-Dateien), ${counts.loginAttempts} Anmeldeversuche, ` +
          `${counts.anonymousEligibilityChecks} Förder-Checks und ${counts.anonymousQualityChecks} QualitätsChecks ohne Konto, ${counts.expiredSessions} abgelaufene Sitzungen, ${counts.keptInputs} nicht abgeholte Eingaben, ${counts.passwordResets} Passwort-Links und -Anfragen, ${counts.newsletterRequests} nicht bestätigte Newsletter-Bestellungen.`,
      );
      await db.destroy();
      return;
    }
    case 'backup': {
      if (databaseUrlFromEnv()) fail('Mit DATABASE_URL (PostgreSQL) sichern Sie mit pg_dump, siehe docs/operations.md.');
      const target = rest[0] ?? fail('Bitte geben Sie die Zieldatei an: npm run db:backup -- sicherung.sqlite');
      if (!existsSync(file)) fail(`Die Datenbank ${file} existiert nicht.`);
      const source = openSqlite(file);
      // SQLite's online backup: consistent copy while the app keeps running.
      await source.backup(resolve(target));
      source.close();
      console.log(`Sicherung geschrieben: ${resolve(target)}`);
      return;
    }
    case 'restore': {
      if (databaseUrlFromEnv()) fail('Mit DATABASE_URL (PostgreSQL) stellen Sie mit pg_restore wieder her, siehe docs/operations.md.');
      const backupFile = rest[0] ?? fail('Bitte geben Sie die Sicherungsdatei an: npm run db:restore -- sicherung.sqlite');
      if (!existsSync(backupFile)) fail(`Die Sicherung ${backupFile} existiert nicht.`);
      const backup = new SQLite(resolve(backupFile), { readonly: true, fileMustExist: true });
      const check = backup.pragma('integrity_check', { simple: true });
      if (check !== 'ok') fail(`Die Sicherung ist beschädigt (integrity_check: ${String(check)}).`);
      for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
      // Restoring onto a new machine: the folder of DATABASE_FILE may not exist yet.
      mkdirSync(dirname(file), { recursive: true });
      await backup.backup(file);
      backup.close();
      console.log(`Wiederhergestellt nach ${file}. Starten Sie die Anwendung neu.`);
      return;
    }
    case 'move': {
      const { values } = parseArgs({ args: rest, options: { from: { type: 'string' }, 'from-uploads': { type: 'string' } } });
      if (!databaseUrlFromEnv())
        fail('db:move braucht das Ziel in DATABASE_URL (postgres://…); die Quelle ist DATABASE_FILE oder --from DATEI.');
      const from = resolve(values.from ?? file);
      if (!existsSync(from)) fail(`Die SQLite-Datenbank ${from} existiert nicht.`);
      // UPLOAD_DIR names the new installation's folder; the old one's is beside its file unless given.
      const fromUploads = resolve(values['from-uploads'] ?? join(dirname(from), 'uploads'));
      const toUploads = uploadDirFromEnv();
      const target = openDatabase();
      try {
        const report = await moveSqliteToPostgres({
          sqliteFile: from,
          uploadDir: fromUploads,
          target,
          targetUploadDir: toUploads,
          progress: (line) => console.log(line),
        });
        console.log(`Umzug von ${from} nach ${describeDatabase()} geprüft:`);
        for (const t of report.tables)
          console.log(`  ${t.table.padEnd(32)} ${String(t.rows).padStart(8)} Zeilen  sha256 ${t.checksum.slice(0, 16)}`);
        console.log(`  Anlagen-Dateien: ${report.files} (nach ${toUploads}, SHA-256 je Datei geprüft)`);
      } finally {
        await target.destroy();
      }
      return;
    }
    case 'user:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          'organisation-id': { type: 'string' },
          password: { type: 'string' },
        },
      });
      const email = values.email ?? fail('--email fehlt.');
      const name = values.name ?? fail('--name fehlt.');
      const role = (values.role ?? fail(`--role fehlt (${roles.join(', ')}).`)) as Role;
      if (!roles.includes(role)) fail(`Unbekannte Rolle "${role}". Erlaubt: ${roles.join(', ')}.`);
      const db = openDatabase();
      await migrateToLatest(db);
      let organisationId: number | null = null;
      if (values['organisation-id']) {
        organisationId = Number(values['organisation-id']);
        if (!(await findOrganisation(db, organisationId))) fail(`Organisation ${organisationId} gibt es nicht.`);
      }
      if (role === 'applicant' && organisationId === null) fail('Antragstellende brauchen --organisation-id.');
      if (await findUserByEmail(db, email)) fail(`Ein Konto für ${email} besteht bereits.`);
      const password = values.password ?? randomBytes(12).toString('base64url');
      if (password.length < 12) fail('Das Passwort muss mindestens 12 Zeichen haben.');
      const user = await createUser(db, { email, name, role, organisationId, password });
      await recordAudit(db, {
        actorUserId: null,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        details: { role, via: 'cli' },
      });
      console.log(`Konto angelegt: ${user.email} (${role}).`);
      if (!values.password) console.log(`Vorläufiges Passwort (nur jetzt sichtbar): ${password}`);
      await db.destroy();
      return;
    }
    default:
      fail('Unbekannter Befehl. Verfügbar: migrate, seed, housekeeping, backup FILE, restore FILE, move, user:create.');
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

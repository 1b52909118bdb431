import { z } from 'zod';
import { landkreise, organisationKinds, roles, type Role } from './organisation';
import { emailSchema, evenWithFieldErrors, optionalText, requiredText } from './fields';

/** Length over composition rules (BSI IT-Grundschutz ORP.4, NIST SP 800-63B): at least 12 characters. */
export const passwordSchema = z
  .string({ error: 'Bitte wählen Sie ein Passwort.' })
  .refine((v) => v.length >= 12, { error: 'Das Passwort muss mindestens 12 Zeichen lang sein.' })
  .refine((v) => v.length <= 200, { error: 'Das Passwort darf höchstens 200 Zeichen lang sein.' });

function confirmPasswords<T extends { password?: string; passwordConfirm?: string | undefined }>(value: T, ctx: z.RefinementCtx) {
  if (value.password && value.passwordConfirm && value.password !== value.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Die beiden Passwörter stimmen nicht überein.' });
  }
}

export const registrationSchema = z
  .object({
    name: requiredText('Ihren Namen'),
    email: emailSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Bitte wiederholen Sie das Passwort.' }),
    mode: z.enum(['neu', 'beitreten'], {
      error: 'Bitte wählen Sie, ob Sie Ihre Organisation neu anlegen oder einer bestehenden beitreten.',
    }),
    inviteCode: optionalText('den Einladungscode', 20),
    kind: z.enum(organisationKinds).optional(),
    organisationName: optionalText('den Namen der Organisation'),
    landkreis: z.enum(landkreise).optional(),
  })
  .superRefine((value, ctx) => {
    confirmPasswords(value, ctx);
    if (value.mode === 'beitreten' && !/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(value.inviteCode ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['inviteCode'],
        message: 'Bitte geben Sie den achtstelligen Einladungscode an, zum Beispiel ABCD-2345.',
      });
    }
    if (value.mode === 'neu') {
      if (!value.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Bitte wählen Sie die Art der Organisation.' });
      if (!value.organisationName)
        ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'Bitte geben Sie den Namen der Organisation an.' });
      if (!value.landkreis)
        ctx.addIssue({
          code: 'custom',
          path: ['landkreis'],
          message: 'Bitte wählen Sie den Landkreis oder die kreisfreie Stadt.',
        });
    }
  }, evenWithFieldErrors);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Bitte geben Sie Ihr bisheriges Passwort ein.' }),
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Bitte wiederholen Sie das neue Passwort.' }),
  })
  .superRefine(confirmPasswords, evenWithFieldErrors);

/** "Passwort vergessen?": the address to send the link to. */
export const forgotPasswordSchema = z.object({ email: emailSchema });

/** A new password set through a reset link (no current password: the link proves the mailbox). */
export const newPasswordSchema = z
  .object({
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Bitte wiederholen Sie das neue Passwort.' }),
  })
  .superRefine(confirmPasswords, evenWithFieldErrors);

/**
 * Only applicants belong to an organisation: they apply for it and see its drafts. EBBS advisors,
 * ministry staff and administrators work across all organisations, so an organisation chosen for
 * them is refused with a message rather than dropped without a word.
 */
export const organisationOnlyForApplicants =
  'Nur antragstellende Konten gehören zu einer Organisation. EBBS-Beratung, Ministerium und Administration arbeiten für alle Organisationen; bitte wählen Sie hier keine Organisation.';

function roleAndOrganisation(value: { role: Role; organisationId?: number | undefined }, ctx: z.RefinementCtx) {
  if (value.role === 'applicant' && !value.organisationId) {
    ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Bitte wählen Sie die Organisation, zu der das Konto gehört.' });
  }
  // Runs even when other fields failed (evenWithFieldErrors), so the role may be missing.
  if (value.role !== undefined && value.role !== 'applicant' && value.organisationId) {
    ctx.addIssue({ code: 'custom', path: ['organisationId'], message: organisationOnlyForApplicants });
  }
}

const roleField = z.enum(roles, { error: 'Bitte wählen Sie eine Rolle.' });
const organisationField = z.coerce.number().int().positive().optional();

export const staffAccountSchema = z
  .object({
    name: requiredText('den Namen'),
    email: emailSchema,
    role: roleField,
    organisationId: organisationField,
  })
  .superRefine(roleAndOrganisation, evenWithFieldErrors);

/** The administration changes an account's role and organisation. */
export const accountRoleSchema = z
  .object({ role: roleField, organisationId: organisationField })
  .superRefine(roleAndOrganisation, evenWithFieldErrors);

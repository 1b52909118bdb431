import { z } from 'zod';
import { landkreise, type Landkreis } from '../shared/organisation';
import { longText, requiredText } from '../shared/fields';
import type { Role } from '../shared/roles';

/*
 * EBBS network membership and member profile (issue 20 Nr. 1). Pure: the methods catalogue is passed
 * in by the caller (app/), so this area does not reach into machines/methoden.
 */

/** Who a member is in the network (the directory filter "Rolle"). */
export const memberRoles = ['kommune', 'verein', 'prozessgestaltung', 'moderation', 'beratung'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleLabel: Record<MemberRole, string> = {
  kommune: 'Kommune',
  verein: 'Verein oder Initiative',
  prozessgestaltung: 'Prozessgestaltung',
  moderation: 'Moderation',
  beratung: 'Beratung (EBBS)',
};

/** The profile fields whose visibility the member chooses; the name and role are always visible to members. */
export const visibleFields = ['landkreis', 'methods', 'languages', 'about'] as const;
export type VisibleField = (typeof visibleFields)[number];
export const visibleFieldLabel: Record<VisibleField, string> = {
  landkreis: 'Region (Landkreis)',
  methods: 'Erfahrung mit Methoden',
  languages: 'Sprachen',
  about: 'Über uns / über mich',
};
export type Visibility = 'network' | 'public';

export interface MemberProfile {
  displayName: string;
  role: MemberRole;
  landkreis: Landkreis | null;
  methods: string[];
  languages: string;
  about: string;
  /** Fields shown to everyone; every other field is shown to network members only. */
  publicFields: VisibleField[];
}

export type Viewer = 'member' | 'public';

/**
 * What a viewer may see of a profile: members see every field, anyone else only the fields the
 * member made public (issue 20 Nr. 1 "Visibility per field: network only or public"). The name is
 * public only when the member made at least one field public (otherwise the profile is not shown at all).
 */
export function visibleProfile(profile: MemberProfile, viewer: Viewer): Partial<MemberProfile> | null {
  if (viewer === 'member') return profile;
  if (profile.publicFields.length === 0) return null;
  const shown: Partial<MemberProfile> = { displayName: profile.displayName, role: profile.role };
  for (const field of profile.publicFields) (shown as Record<string, unknown>)[field] = profile[field];
  return shown;
}

/** Advisors (EBBS Beratung) moderate the network (issue 20 Nr. 1 "Advisors moderate"). */
export const isModerator = (accountRole: Role) => accountRole === 'advisor';

/** The network role an account starts with (the member can change it). */
export function defaultMemberRole(accountRole: Role, organisationKind: string | null): MemberRole {
  if (accountRole === 'advisor') return 'beratung';
  if (organisationKind && /gemeinde|stadt|landkreis|verwaltung|ortschaft/i.test(organisationKind)) return 'kommune';
  return organisationKind ? 'verein' : 'prozessgestaltung';
}

export const MAX_METHODS = 20;

/** The profile form; `methodSlugs` is the methods catalogue (issue 20: "methods from the catalogue"). */
export function profileSchema(methodSlugs: readonly string[]) {
  const known = new Set(methodSlugs);
  const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return z.object({
    displayName: requiredText('den Namen im Netzwerk', 120),
    role: z.enum(memberRoles, { error: 'Bitte wählen Sie Ihre Rolle im Netzwerk.' }),
    landkreis: z.enum(landkreise, { error: 'Bitte wählen Sie einen Landkreis oder eine kreisfreie Stadt aus der Liste.' }).optional(),
    methods: z.preprocess(
      asList,
      z
        .array(z.string())
        .max(MAX_METHODS, `Bitte wählen Sie höchstens ${MAX_METHODS} Methoden.`)
        .refine((list) => list.every((m) => known.has(m)), 'Diese Methode gibt es im Methodenkatalog nicht.'),
    ),
    languages: longText('die Sprachen', 200),
    about: longText('den Text über Sie', 2000),
    publicFields: z.preprocess(asList, z.array(z.enum(visibleFields, { error: 'Diese Angabe gibt es im Profil nicht.' }))),
  });
}
export type ProfileForm = z.output<ReturnType<typeof profileSchema>>;

/** Directory filters from the query string; unknown values are dropped, never an error. */
export interface DirectoryFilter {
  q: string;
  landkreis: Landkreis | null;
  method: string | null;
  role: MemberRole | null;
}
export function directoryFilter(params: URLSearchParams, methodSlugs: readonly string[]): DirectoryFilter {
  const landkreis = params.get('landkreis');
  const method = params.get('methode');
  const role = params.get('rolle');
  return {
    q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
    landkreis: landkreis && (landkreise as readonly string[]).includes(landkreis) ? (landkreis as Landkreis) : null,
    method: method && methodSlugs.includes(method) ? method : null,
    role: role && (memberRoles as readonly string[]).includes(role) ? (role as MemberRole) : null,
  };
}

import { describe, expect, it } from 'vitest';
import {
  defaultMemberRole,
  directoryFilter,
  isModerator,
  profileSchema,
  visibleProfile,
  type MemberProfile,
} from '../../machines/netzwerk/profile';

const schema = profileSchema(['buergerrat', 'zukunftswerkstatt']);
const profile: MemberProfile = {
  displayName: 'Gemeinde Wiesenbach',
  role: 'kommune',
  landkreis: 'Erzgebirgskreis',
  methods: ['buergerrat'],
  languages: 'Deutsch, Sorbisch',
  about: 'Jugendbeirat',
  publicFields: ['landkreis'],
};

describe('visibility per field (issue 20 Nr. 1)', () => {
  it('members see every field', () => {
    expect(visibleProfile(profile, 'member')).toEqual(profile);
  });
  it('everyone else sees only the public fields, plus name and role', () => {
    expect(visibleProfile(profile, 'public')).toEqual({
      displayName: 'Gemeinde Wiesenbach',
      role: 'kommune',
      landkreis: 'Erzgebirgskreis',
    });
  });
  it('a profile without public fields is not shown outside the network at all', () => {
    expect(visibleProfile({ ...profile, publicFields: [] }, 'public')).toBeNull();
  });
});

describe('moderation and defaults', () => {
  it('advisors moderate, nobody else', () => {
    expect(isModerator('advisor')).toBe(true);
    for (const role of ['applicant', 'ministry', 'admin'] as const) expect(isModerator(role)).toBe(false);
  });
  it('starts municipalities as Kommune, associations as Verein, advisors as Beratung', () => {
    expect(defaultMemberRole('applicant', 'gemeinde')).toBe('kommune');
    expect(defaultMemberRole('applicant', 'verein')).toBe('verein');
    expect(defaultMemberRole('advisor', null)).toBe('beratung');
  });
});

describe('profile form', () => {
  const form = (entries: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) data.append(k, one);
    return Object.fromEntries([...data.keys()].map((k) => [k, data.getAll(k).length > 1 ? data.getAll(k) : data.get(k)]));
  };
  it('accepts catalogue methods and one or many public fields', () => {
    const parsed = schema.safeParse(
      form({ displayName: 'X', role: 'verein', methods: ['buergerrat', 'zukunftswerkstatt'], publicFields: 'about' }),
    );
    expect(parsed.success && parsed.data).toMatchObject({ methods: ['buergerrat', 'zukunftswerkstatt'], publicFields: ['about'] });
  });
  it('refuses a method that is not in the catalogue, with a German message', () => {
    const parsed = schema.safeParse(form({ displayName: 'X', role: 'verein', methods: 'erfunden' }));
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Methodenkatalog');
  });
  it('refuses an oversized text with the count', () => {
    const parsed = schema.safeParse(form({ displayName: 'X', role: 'verein', about: 'a'.repeat(2001) }));
    expect(parsed.error?.issues[0]?.message).toBe('Bitte kürzen Sie den Text über Sie auf höchstens 2.000 Zeichen (eingegeben: 2.001).');
  });
  it('keeps script as text (rendering escapes it)', () => {
    const parsed = schema.safeParse(form({ displayName: '<script>alert(1)</script>', role: 'verein' }));
    expect(parsed.success && parsed.data.displayName).toBe('<script>alert(1)</script>');
  });
});

describe('directory filter', () => {
  it('drops unknown values instead of failing', () => {
    const filter = directoryFilter(new URLSearchParams('landkreis=Atlantis&methode=buergerrat&rolle=hacker&q=%20a%20%20b '), [
      'buergerrat',
    ]);
    expect(filter).toEqual({ q: 'a b', landkreis: null, method: 'buergerrat', role: null });
  });
});

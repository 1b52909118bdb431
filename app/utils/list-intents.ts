/**
 * "Hinzufügen"/"Entfernen" buttons post an intent like `add:lines` or `remove:lines:<id>`. They
 * change the posted values before validation, so they work without JavaScript and keep every
 * other value as typed.
 */
const lists = new Set(['partners', 'parts', 'formats', 'milestones', 'lines', 'inKind', 'donations', 'otherPublic']);

export type ListIntent = { kind: 'add'; list: string; suggestion?: string } | { kind: 'remove'; list: string; id: string };

export function parseListIntent(intent: string): ListIntent | null {
  const [kind, list, id] = intent.split(':');
  if (!list || !lists.has(list)) return null;
  if (kind === 'add') return { kind, list };
  // `suggest:lines:<key>` adds a row prefilled from a suggestion (a method's cost driver).
  if (kind === 'suggest' && id) return { kind: 'add', list, suggestion: id };
  if (kind === 'remove' && id) return { kind, list, id };
  return null;
}

/** Applies the intent to a Conform payload (nested values as posted). */
export function applyListIntent(
  payload: Record<string, unknown>,
  intent: ListIntent,
  newId: () => string,
  defaults: Record<string, string> = {},
) {
  const current = Array.isArray(payload[intent.list]) ? (payload[intent.list] as Array<Record<string, unknown>>) : [];
  if (intent.kind === 'add') return { ...payload, [intent.list]: [...current, { id: newId(), ...defaults }] };
  return { ...payload, [intent.list]: current.filter((row) => row?.id !== intent.id) };
}

/** Where the page should scroll after the change. */
export function anchorOf(intent: ListIntent): string {
  const anchors: Record<string, string> = {
    partners: 'verbund',
    parts: 'teilvorhaben',
    formats: 'formate',
    milestones: 'meilensteine',
    lines: 'ausgaben',
    inKind: 'eigenleistungen',
    donations: 'finanzierung',
    otherPublic: 'finanzierung',
  };
  return anchors[intent.list] ?? '';
}

/** Default values of a new row per list. */
export function rowDefaults(list: string, context: { firstYear?: number }): Record<string, string> {
  if (list === 'lines') return { kind: 'menge', category: 'honorare', ...(context.firstYear ? { year: String(context.firstYear) } : {}) };
  if (list === 'inKind') return { kind: 'ehrenamt' };
  if (list === 'formats') return { level: 'konsultation' };
  return {};
}

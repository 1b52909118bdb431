import { z } from 'zod';

/**
 * German messages for every zod check that has no message of its own. Forms give specific
 * messages where it matters; these are the plain fallbacks a user may still see (a tampered
 * select, an unexpected type), never English or technical wording.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_value':
        return 'Bitte wählen Sie einen Eintrag aus der Liste.';
      case 'invalid_type':
        return issue.input === undefined ? 'Bitte machen Sie hier eine Angabe.' : 'Bitte prüfen Sie diese Angabe.';
      case 'too_big':
        return issue.origin === 'array' ? `Höchstens ${String(issue.maximum)} Einträge möglich.` : 'Dieser Wert ist zu groß.';
      case 'too_small':
        return issue.origin === 'array' ? `Mindestens ${String(issue.minimum)} Einträge nötig.` : 'Dieser Wert ist zu klein.';
      case 'invalid_format':
        return 'Bitte prüfen Sie das Format dieser Angabe.';
      case 'unrecognized_keys':
        return `Unbekanntes Feld: ${issue.keys.join(', ')}.`;
      default:
        return 'Bitte prüfen Sie diese Angabe.';
    }
  },
});

import { describe, expect, it } from 'vitest';
import { evaluateData } from '../../machines/frl/application/snapshot';
import { requiredAttachments } from '../../machines/frl/application/codecs/anlagen';
import { overview, stepStatusLabel, withRuleFindings, type StepContext } from '../../machines/frl/application/steps';
import { shippedParameters } from '../../machines/frl/parameters';
import { balanceOwnCash, SAMPLE_DATE, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * Issue 22, defect 8: a criterion "nicht erfüllt" while every section of the task list said
 * "Erledigt". A section that is filled in but owns an unmet criterion that asks something of the
 * applicant says "Bitte prüfen".
 */

function taskList(data: ReturnType<typeof sampleGemeindeApplication>) {
  const context: StepContext = { table: shippedParameters, date: SAMPLE_DATE, attachmentTypes: requiredAttachments(data).map((t) => t.id) };
  const result = evaluateData(data, context, { parameters: shippedParameters });
  const labels = Object.fromEntries(
    withRuleFindings(overview(data, context), result.findings).map((s) => [s.step, stepStatusLabel[s.status]]),
  );
  return { labels, result };
}

describe('task list statuses agree with the rules', () => {
  it('a complete application that meets the rules: every section "Erledigt"', () => {
    for (const data of [sampleGemeindeApplication(), sampleVereinApplication()]) {
      const { labels, result } = taskList(data);
      expect(result.verdict).toBe('foerderfaehig');
      expect(labels).toMatchObject({
        antragsteller: 'Erledigt',
        vorhaben: 'Erledigt',
        zeitplan: 'Erledigt',
        kosten: 'Erledigt',
        erklaerungen: 'Erledigt',
        anlagen: 'Erledigt',
      });
    }
  });

  it('a grant below the minimum: "Kosten- und Finanzierungsplan" says "Bitte prüfen", not "Erledigt"', () => {
    const data = sampleGemeindeApplication();
    data.budget.requestedGrantCents = 400_000;
    balanceOwnCash(data);
    const { labels, result } = taskList(data);
    expect(result.findings.find((f) => f.id === 'finanzen.mindestbetrag')!.status).toBe('nicht_erfuellt');
    expect(labels.kosten).toBe('Bitte prüfen');
    expect(labels.vorhaben).toBe('Erledigt');
  });

  it('a statutory procedure (an exclusion of the project step): "Vorhaben" says "Bitte prüfen"', () => {
    const data = sampleGemeindeApplication();
    data.project.statutoryProcedure = true;
    const { labels } = taskList(data);
    expect(labels.vorhaben).toBe('Bitte prüfen');
    expect(labels.kosten).toBe('Erledigt');
  });

  it('a cap exceeded with its reason given leaves nothing to do: "Erledigt" (the ministry decides)', () => {
    const data = sampleGemeindeApplication();
    data.budget.lines = [
      { id: 'l1', category: 'honorare', description: 'Moderation', kind: 'pauschal', amountCents: 2_000_000, year: 2027 },
    ];
    data.budget.requestedGrantCents = 1_500_000;
    balanceOwnCash(data);
    expect(taskList(data).labels.kosten).toBe('Bitte prüfen');
    data.budget.capExceedReason = 'Verbund aus drei Kommunen (FRL Teil 2 A V Nr. 3).';
    const { labels, result } = taskList(data);
    expect(result.findings.find((f) => f.id === 'finanzen.hoechstbetrag')!.status).toBe('nicht_erfuellt');
    expect(labels.kosten).toBe('Erledigt');
  });
});

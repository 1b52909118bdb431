import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callValuesOf, proposedValues, valuesBefore } from '../../db/repositories/call-changes';
import { milestonesOf, mittelabrufOf } from '../../db/repositories/implementations';
import { jsonColumn, jsonOr } from '../../db/json';
import { participantSnapshotOf } from '../../db/repositories/quality-checks';
import { adviceSnapshotOf } from '../../db/repositories/advice';
import { knownCalls } from '../../machines/frl/calls';

/*
 * The row decoders of the repositories (issue 15 Nr. 3): a JSON column is read with its zod schema,
 * and what a value that cannot be read does – refused (throws) or salvaged – is fixed here.
 */

describe('jsonColumn', () => {
  const list = jsonColumn(z.array(z.string()));

  it('reads JSON of the shape and refuses text that is not JSON or of another shape, as schema issues', () => {
    expect(list.parse('["a"]')).toEqual(['a']);
    expect(() => list.parse('[1]')).toThrow(z.ZodError);
    expect(() => list.parse('[')).toThrow(z.ZodError);
    expect(list.safeParse('[').success).toBe(false);
  });

  it('jsonOr: the fallback only where the value cannot be read', () => {
    expect(jsonOr(list, '["a"]', null)).toEqual(['a']);
    expect(jsonOr(list, '{"a":1}', null)).toBeNull();
    expect(jsonOr(list, 'kein JSON', null)).toBeNull();
  });
});

describe('milestones of an implementation', () => {
  const none = { startedOn: null, startReportedOn: null, purposeFulfilledOn: null, proofSubmittedOn: null, proofCheckedOn: null };

  it('are the ISO days stored', () => {
    expect(milestonesOf({ milestones: '{"startedOn":"2026-03-01","proofCheckedOn":null,"other":"x"}' })).toEqual({
      ...none,
      startedOn: '2026-03-01',
    });
  });

  it('salvage: a date that is no ISO day reads as none, and a column that is no object as no dates', () => {
    expect(milestonesOf({ milestones: '{"startedOn":"01.03.2026","startReportedOn":20260301,"purposeFulfilledOn":"2026-04-02"}' })).toEqual(
      {
        ...none,
        purposeFulfilledOn: '2026-04-02',
      },
    );
    for (const stored of ['kein JSON', 'null', '[]', '"2026-03-01"']) expect(milestonesOf({ milestones: stored })).toEqual(none);
  });
});

describe('a recorded Mittelabruf', () => {
  const computation = {
    payoutOn: '2026-05-10',
    windowEndOn: '2026-11-10',
    needCents: 800_000,
    excluded: [],
    unknownLines: [],
    grantShareCents: 720_000,
    paidOutCents: 0,
    remainingGrantCents: 1_000_000,
    allowedCents: 720_000,
    requestedCents: 720_000,
    minimumCents: 50_000,
    decision: null,
    counted: [{ lineId: 'l1', paidOn: null, invoicedOn: '2026-05-01', text: 'Saal: Miete', cents: 100_000 }],
  };
  const planned = [{ dueOn: '2026-06-01', lineId: 'l1', cents: 700_000 }];

  it('is decoded with its computation and planned payments', () => {
    const read = mittelabrufOf({ computation: JSON.stringify(computation), planned: JSON.stringify(planned) });
    expect(read.computation).toEqual(computation);
    expect(read.planned).toEqual(planned);
  });

  it('is refused when an amount its PDF prints is missing or a column cannot be read', () => {
    const { allowedCents: _, ...withoutAllowed } = computation;
    expect(() => mittelabrufOf({ computation: JSON.stringify(withoutAllowed), planned: '[]' })).toThrow();
    expect(() => mittelabrufOf({ computation: JSON.stringify(computation), planned: '[{"dueOn":"2026-06-01"}]' })).toThrow();
    expect(() => mittelabrufOf({ computation: 'kein JSON', planned: '[]' })).toThrow();
  });
});

describe('a funding call proposal', () => {
  const { id: _, ...values } = knownCalls[0]!;

  it('gives the values it proposes and those it replaces', () => {
    expect(proposedValues({ proposed: JSON.stringify(values) })).toEqual(values);
    expect(valuesBefore({ before: JSON.stringify(values) })).toEqual(values);
    expect(valuesBefore({ before: null })).toBeNull();
  });

  it('is refused when its values cannot be read, so nothing guessed is published', () => {
    expect(() => proposedValues({ proposed: JSON.stringify({ ...values, focusTopics: 'Bürgerräte' }) })).toThrow();
    expect(() => proposedValues({ proposed: 'kein JSON' })).toThrow();
    expect(() => valuesBefore({ before: '{}' })).toThrow();
  });

  it('values kept in an audit entry: checked, null when they are none or not of the shape', () => {
    expect(callValuesOf(values)).toEqual(values);
    expect(callValuesOf({ ...values, deadline: 20220510 })).toBeNull();
    expect(callValuesOf(undefined)).toBeNull();
  });
});

describe('stored statechart snapshots', () => {
  it('advice: the parsed value; undefined when there is none or it is unreadable (the advice starts over)', () => {
    expect(adviceSnapshotOf({ review_snapshot: '{"value":"entwurf"}' })).toEqual({ value: 'entwurf' });
    for (const stored of [null, '', 'kein JSON']) expect(adviceSnapshotOf({ review_snapshot: stored })).toBeUndefined();
  });

  it('QualitätsCheck respondent: the parsed value; null when only invited or unreadable', () => {
    expect(participantSnapshotOf({ snapshot: '{"context":{}}' })).toEqual({ context: {} });
    expect(participantSnapshotOf({ snapshot: null })).toBeNull();
    expect(participantSnapshotOf({ snapshot: '{' })).toBeNull();
  });
});

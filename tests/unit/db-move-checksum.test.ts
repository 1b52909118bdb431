import { expect, test } from 'vitest';
import { checksum } from '../../db/move';

const columns = [
  { name: 'id', type: 'integer' },
  { name: 'at', type: 'timestamp with time zone' },
  { name: 'details', type: 'jsonb' },
  { name: 'active', type: 'boolean' },
  { name: 'title', type: 'text' },
];

test('the move checksum reads both databases as meaning the same: jsonb key order, timestamp forms, flags, row order', () => {
  const sqlite = [
    { id: 1, at: '2026-12-04T10:24:47.120Z', details: '{"b": 1, "a": [2, {"d": 3, "c": 4}]}', active: 1, title: 'Rathaus „Süd“' },
    { id: 2, at: '2026-12-04 10:24:47', details: '{}', active: 0, title: null },
  ];
  const postgres = [
    { id: 2, at: '2026-12-04T10:24:47.000Z', details: '{}', active: 0, title: null },
    { id: 1, at: '2026-12-04T10:24:47.120Z', details: '{"a": [2, {"c": 4, "d": 3}], "b": 1}', active: 1, title: 'Rathaus „Süd“' },
  ];
  expect(checksum(postgres, columns)).toBe(checksum(sqlite, columns));
});

test('the move checksum tells a changed value, a lost row and null from an empty text apart', () => {
  const rows = [{ id: 1, at: '2026-12-04T10:24:47.120Z', details: '{"a":1}', active: 1, title: 'x' }];
  const sum = checksum(rows, columns);
  expect(checksum([{ ...rows[0], details: '{"a":2}' }], columns)).not.toBe(sum);
  expect(checksum([{ ...rows[0], at: '2026-12-04T10:24:47.121Z' }], columns)).not.toBe(sum);
  expect(checksum([], columns)).not.toBe(sum);
  expect(checksum([{ ...rows[0], title: null }], columns)).not.toBe(checksum([{ ...rows[0], title: '' }], columns));
});

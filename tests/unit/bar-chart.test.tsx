import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, chartLine, chartLineChars } from '../../app/components/bar-chart';

describe('bar chart labels (WCAG 1.4.10: nothing cut off by the image)', () => {
  it('keeps a label that fits as it is', () => {
    expect(chartLine('Bürgerrat', '12')).toBe('Bürgerrat: 12');
  });

  it('shortens a long label with "…" to one line and keeps the value whole', () => {
    const label = 'Demo: 7. Förderaufruf FRL Bürgerbeteiligung – Beteiligung junger Menschen im ländlichen Raum 2027';
    const line = chartLine(label, '1.234.567,89 €');
    expect(line.length).toBeLessThanOrEqual(chartLineChars);
    expect(line.endsWith('…: 1.234.567,89 €')).toBe(true);
    expect(label.startsWith(line.split('…')[0]!)).toBe(true);
  });

  it('never cuts an emoji in half', () => {
    const line = chartLine(`${'a'.repeat(59)}😀😀😀`, '1');
    expect(line).toBe(`${'a'.repeat(59)}😀…: 1`);
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('draws the shortened line, while the description keeps the full label', () => {
    const label = 'x'.repeat(100);
    const html = renderToStaticMarkup(<BarChart id="t" title="Test" items={[{ label, value: 3 }]} format={String} />);
    expect(html).toContain(`>${'x'.repeat(chartLineChars - 4)}…: 3</text>`);
    expect(html).toContain(`<desc id="t-text">${label}: 3.</desc>`);
  });
});

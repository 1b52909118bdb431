import type { ReactNode } from 'react';
import { statusLabel, topicLabel, topics, severityLabel, severityMeaning, type Status } from '../../../machines/frl/criterion';
import { verdictLabel, type EligibilityResult, type Finding } from '../../../machines/frl/engine';
import { formatDate, formatEuro } from '../../../machines/shared/format';
import { proposalBasis, wordsFor } from '../../../machines/frl/wording';

export type Register = 'verwaltung' | 'einfach';

const statusTag: Record<Status, string> = {
  erfuellt: 'tag tag--green',
  nicht_erfuellt: 'tag tag--red',
  offen: 'tag tag--yellow',
  entfaellt: 'tag tag--grey',
};

const verdictClass: Record<EligibilityResult['verdict'], string> = {
  foerderfaehig: 'verdict verdict--ok',
  begruendung_erforderlich: 'verdict verdict--warn',
  unvollstaendig: 'verdict verdict--open',
  nicht_foerderfaehig: 'verdict verdict--no',
};

const verdictSentence: Record<EligibilityResult['verdict'], Record<Register, string>> = {
  foerderfaehig: {
    verwaltung:
      'Nach Ihren Angaben erfüllt das Vorhaben alle Fördervoraussetzungen. Über die Förderung entscheidet die Sächsische Aufbaubank (SAB) als Bewilligungsbehörde nach pflichtgemäßem Ermessen.',
    einfach: 'Ihr Projekt kann gefördert werden. Die Sächsische Aufbaubank (SAB) entscheidet am Ende, ob es Geld gibt.',
  },
  begruendung_erforderlich: {
    verwaltung:
      'Das Vorhaben ist nur in einem begründeten Einzelfall förderfähig. Begründen Sie die Ausnahme im Antrag; darüber entscheidet die Sächsische Aufbaubank (SAB) als Bewilligungsbehörde.',
    einfach:
      'Ihr Projekt kann nur mit einer guten Begründung gefördert werden. Schreiben Sie die Begründung in den Antrag. Die SAB entscheidet dann.',
  },
  unvollstaendig: {
    verwaltung: 'Einige Voraussetzungen lassen sich mit den bisherigen Angaben noch nicht prüfen.',
    einfach: 'Es fehlen noch Angaben. Dann können wir mehr sagen.',
  },
  nicht_foerderfaehig: {
    verwaltung: 'Mindestens eine Ausschlussvoraussetzung ist nicht erfüllt. So ist das Vorhaben nicht förderfähig.',
    einfach: 'So kann Ihr Projekt nicht gefördert werden. Unten steht, woran es liegt und was Sie ändern können.',
  },
};

function FindingItem({
  finding,
  register,
  editLink,
  level,
  traceOpen,
}: {
  finding: Finding;
  register: Register;
  editLink?: (finding: Finding) => string | null;
  level: 4 | 5;
  traceOpen?: boolean;
}) {
  const link = editLink?.(finding) ?? null;
  const Title = `h${level}` as 'h4' | 'h5';
  return (
    <li className={`finding finding--${finding.status}`}>
      <div className="finding__head">
        <Title className="finding__title">{finding.title}</Title>
        <span className={statusTag[finding.status]}>{statusLabel[finding.status]}</span>
      </div>
      <p className="finding__citation">
        {finding.citation} · <abbr title={severityMeaning[finding.severity]}>{severityLabel[finding.severity]}</abbr>
      </p>
      {finding.explanation && finding.status !== 'entfaellt' ? <p>{finding.explanation[register]}</p> : null}
      {finding.detail ? <p>{finding.detail}</p> : null}
      {finding.fix && finding.status !== 'erfuellt' ? (
        <p className="finding__fix">
          <strong>Was Sie tun können: </strong>
          {finding.fix}
          {link ? (
            <>
              {' '}
              <a href={link}>
                Angabe ändern<span className="visually-hidden"> für „{finding.title}“</span>
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {finding.assumption ? (
        <p className="finding__assumption">
          <span className="tag tag--blue">Annahme</span> {finding.assumption}
        </p>
      ) : null}
      {finding.trace.length ? (
        <details className="finding__trace" open={traceOpen}>
          <summary>
            Entscheidende Angaben<span className="visually-hidden"> zu „{finding.title}“</span>
          </summary>
          <dl>
            {finding.trace.map((t) => (
              <div key={t.fact}>
                <dt>{t.label}</dt>
                <dd>{t.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </li>
  );
}

/** The verdict and every criterion, grouped by topic, unmet and open first within a topic. */
export function EligibilityResultView({
  result,
  register,
  headingLevel = 2,
  editLink,
  traceOpen,
  afterVerdict,
}: {
  result: EligibilityResult;
  register: Register;
  headingLevel?: 2 | 3;
  editLink?: (finding: Finding) => string | null;
  /** Shows the deciding facts of every criterion unfolded (the Regelwerk test bench). */
  traceOpen?: boolean;
  /** What to do next, right under the verdict (the Förder-Check's "Antrag beginnen"). */
  afterVerdict?: ReactNode;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const applicable = result.findings.filter((f) => f.status !== 'entfaellt');
  const notApplicable = result.findings.filter((f) => f.status === 'entfaellt');
  const itemProps: ItemProps = { register, editLink, level: headingLevel === 2 ? 4 : 5, traceOpen };
  const severityOrder = { ausschluss: 0, begruendung: 1, hinweis: 2 } as const;
  const problems = result.findings
    .filter((f) => f.status === 'nicht_erfuellt')
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return (
    <section aria-labelledby="verdict-title" className="eligibility">
      <div className={verdictClass[result.verdict]}>
        <H id="verdict-title" className="verdict__title">
          Ergebnis: {verdictLabel[result.verdict]}
        </H>
        <p>{verdictSentence[result.verdict][register]}</p>
        <ul className="verdict__counts">
          <li>{result.counts.erfuellt} erfüllt</li>
          <li>{result.counts.nicht_erfuellt} nicht erfüllt</li>
          <li>{result.counts.offen} noch offen</li>
          <li>{result.counts.entfaellt} treffen nicht zu</li>
        </ul>
        {result.amounts.proposedGrantCents !== null ? (
          <p>
            Höchstmögliche Zuwendung nach Ihren Angaben: <strong>{formatEuro(result.amounts.proposedGrantCents)}</strong> (
            {proposalBasis(wordsFor(result.parameters), result.part)}).
          </p>
        ) : null}
        <p className="hint">
          Geprüft am {formatDate(result.referenceDate)} nach der Fassung: {result.ruleVersion.directive}; Parameterstand{' '}
          {formatDate(result.ruleVersion.parametersFrom)}.
        </p>
      </div>
      {afterVerdict}
      {problems.length ? (
        <>
          <H>Was Sie jetzt tun können</H>
          <ol className="next-steps">
            {problems.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong> ({severityLabel[f.severity]}): {f.fix ?? f.explanation?.[register]}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <H>Alle Kriterien</H>
      <FindingsByTopic findings={applicable} itemProps={itemProps} headingLevel={headingLevel} />
      {notApplicable.length ? (
        <details className="details" open={traceOpen}>
          <summary>
            {notApplicable.length === 1 ? '1 Kriterium trifft' : `${notApplicable.length} Kriterien treffen`} auf Ihr Vorhaben nicht zu
          </summary>
          <FindingsByTopic findings={notApplicable} itemProps={itemProps} headingLevel={headingLevel} />
        </details>
      ) : null}
    </section>
  );
}

type ItemProps = Pick<Parameters<typeof FindingItem>[0], 'register' | 'editLink' | 'level' | 'traceOpen'>;

/** Findings grouped by topic, unmet and open first within a topic. */
function FindingsByTopic({ findings, itemProps, headingLevel }: { findings: Finding[]; itemProps: ItemProps; headingLevel: 2 | 3 }) {
  const TopicHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const order: Record<Status, number> = { nicht_erfuellt: 0, offen: 1, erfuellt: 2, entfaellt: 3 };
  return (
    <>
      {topics.map((topic) => {
        const items = findings.filter((f) => f.topic === topic).sort((a, b) => order[a.status] - order[b.status]);
        if (!items.length) return null;
        return (
          <section key={topic} aria-label={topicLabel[topic]}>
            <TopicHeading className="topic-title">{topicLabel[topic]}</TopicHeading>
            <ul className="findings">
              {items.map((f) => (
                <FindingItem key={f.id} finding={f} {...itemProps} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

// `npm test`: every check of the project, arranged so that both cores stay busy (ADR 0090).
//
// Phase 1 runs side by side: the type check, the linter, the build, the unit and integration
// tests (vitest), and after the build the crash test. None of them depends on another's result
// except the crash test on the build; the type check (single-threaded TypeScript 7, ADR 0107) and
// the crash test leave a core idle most of the time, which vitest fills. Phase 2 is the Playwright run (it needs the build), alone, because the
// browser tests keep both cores busy by themselves.
//
// vitest's and Playwright's output streams as it comes; the short steps' output is kept and shown
// in one piece when the step ends (in full when it fails). A failed step in phase 1 lets the others
// finish, so one run reports every problem, and skips phase 2. TEST_SERIAL=1 runs the steps one
// after another, as `npm test` did before (for reading a failure without interleaved output).
// Plain Node, no packages: it runs before anything is built.
import { spawn } from 'node:child_process';

const serial = process.env.TEST_SERIAL === '1';
/** The package.json script a step runs, so each command is defined once. */
const script = (name) => ({ command: 'npm', args: ['run', '--silent', name] });

/** @typedef {{ name: string, command: string, args: string[], stream?: boolean, after?: string }} Step */

/** @type {Step[]} */
const phase1 = [
  { name: 'Typprüfung (tsc)', ...script('typecheck') },
  { name: 'Lint (biome)', ...script('lint') },
  { name: 'Build (remix)', ...script('build') },
  { name: 'Unit- und Integrationstests (vitest)', ...script('test:unit'), stream: true },
  { name: 'Absturztest', ...script('test:crash'), after: 'Build (remix)' },
];
/** @type {Step[]} */
const phase2 = [{ name: 'Browser- und HTTP-Tests (Playwright)', ...script('test:e2e'), stream: true }];

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
const results = [];

const seconds = (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/** Runs one step; resolves with whether it passed. */
function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, step.args, {
      stdio: step.stream || serial ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      // Its own process group, so an interrupted run stops the step's children too.
      detached: true,
    });
    running.add(child);
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    let finished = false;
    const finish = (code, error) => {
      // A child that cannot be started reports 'error' and may still report 'exit'.
      if (finished) return;
      finished = true;
      running.delete(child);
      const passed = code === 0;
      const took = Date.now() - started;
      results.push({ name: step.name, passed, took });
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      if (!passed && text) process.stdout.write(`\n── ${step.name}: Ausgabe ──\n${text}\n`);
      if (error) process.stdout.write(`${step.name}: konnte nicht gestartet werden (${error.message})\n`);
      process.stdout.write(`${passed ? '✓' : '✗'} ${step.name} (${seconds(took)})\n`);
      resolve(passed);
    };
    child.on('error', (error) => finish(1, error));
    child.on('exit', (code, signal) => finish(signal ? 1 : (code ?? 1)));
  });
}

/** A step left out because the one it needs failed: counted as failed, named in the summary. */
function skipped(step) {
  results.push({ name: step.name, passed: false, took: 0, skipped: true });
  process.stdout.write(`✗ ${step.name} (übersprungen: ${step.after} fehlgeschlagen)\n`);
  return false;
}

/** Runs the steps of a phase side by side (or one by one with TEST_SERIAL=1); true when all passed. */
async function runPhase(steps) {
  if (serial) {
    for (const step of steps) if (!(await run(step))) return false;
    return true;
  }
  const done = new Map();
  const outcomes = steps.map((step) => {
    const start = step.after ? done.get(step.after).then((ok) => (ok ? run(step) : skipped(step))) : run(step);
    done.set(step.name, start);
    return start;
  });
  return (await Promise.all(outcomes)).every(Boolean);
}

function stopAll(signal) {
  for (const child of running) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll(signal);
    process.exit(130);
  });
}

const started = Date.now();
const ok = (await runPhase(phase1)) && (await runPhase(phase2));
process.stdout.write(`\n${ok ? 'Alle Prüfungen bestanden' : 'Prüfungen fehlgeschlagen'} in ${seconds(Date.now() - started)}:\n`);
for (const r of results)
  process.stdout.write(`  ${r.passed ? '✓' : '✗'} ${r.name.padEnd(40)} ${r.skipped ? 'übersprungen' : seconds(r.took)}\n`);
process.exit(ok ? 0 : 1);

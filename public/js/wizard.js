// Progressive enhancement of the application wizard (ADR 0086). The wizard is a document page:
// every step works with plain forms and the server decides everything. This file only adds
// autosave, the live sums of the Kosten step, opening a cost line in place and the upload size
// check. Plain JavaScript, no build step, no dependencies.

import { askWhileTyping } from './live-form.js';

const form = document.querySelector('form[data-autosave]');
const status = document.querySelector('[data-autosave-status]');
const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

const say = (text) => {
  if (status) status.textContent = text;
};

const readJson = async (response) => ((response.headers.get('content-type') ?? '').includes('json') ? response.json() : null);

// Autosave: 1,5 s after the last keystroke the step is saved through its own save (intent
// "autosave") and the form's version follows, so a later button press is not taken for a stale
// save. A button pressed while an autosave is on its way waits for it. What autosave cannot decide
// (someone else saved, the session ended, the draft was locked) goes to the server the ordinary
// way, which shows the conflict, keeps the input for after sign-in, or shows it for copying.
if (form instanceof HTMLFormElement && status) {
  const version = form.elements.namedItem('version');
  let timer = 0;
  let inFlight = null;
  let stopped = false;

  const sendOrdinarily = () => {
    stopped = true;
    const intent = document.createElement('input');
    intent.type = 'hidden';
    intent.name = 'intent';
    intent.value = 'autosave';
    form.append(intent);
    form.submit();
  };

  const save = async () => {
    if (stopped || !form.isConnected) return;
    if (inFlight) {
      schedule();
      return;
    }
    const body = new FormData(form);
    body.set('intent', 'autosave');
    let settle = () => {};
    inFlight = new Promise((resolve) => {
      settle = resolve;
    });
    say('Wird gespeichert …');
    try {
      const response = await fetch(form.dataset.autosave ?? '', { method: 'POST', body, credentials: 'same-origin' });
      const answer = await readJson(response);
      if (answer?.saved) {
        if (version instanceof HTMLInputElement) version.value = String(answer.saved.version);
        const at = clock.format(new Date(answer.saved.at));
        say(`Gespeichert um ${at}${answer.saved.invalid ? ' – einige Angaben sind noch fehlerhaft' : ''}`);
      } else if (answer?.conflict || answer?.expired || answer?.locked) {
        sendOrdinarily();
      } else if (answer?.unavailable) {
        say(
          'Nicht gespeichert: Der Server kann im Moment nichts speichern. Ihre Eingaben bleiben auf dieser Seite; speichern Sie später erneut.',
        );
      } else {
        say('Nicht automatisch gespeichert. Ihre Eingaben bleiben auf dieser Seite; speichern Sie mit einer der Schaltflächen unten.');
      }
    } catch {
      say('Nicht automatisch gespeichert: keine Verbindung. Ihre Eingaben bleiben auf dieser Seite.');
    }
    inFlight = null;
    settle();
  };

  const schedule = () => {
    window.clearTimeout(timer);
    if (!stopped) timer = window.setTimeout(save, 1500);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (event) => {
    window.clearTimeout(timer);
    if (!inFlight) return;
    event.preventDefault();
    const submitter = event.submitter;
    inFlight.then(() => {
      if (!stopped) form.requestSubmit(submitter?.isConnected ? submitter : undefined);
    });
  });
}

// Live sums of the Kosten step: while the user types, the server computes the sums of the form as
// it stands (nothing saved) and the page shows them; "Neu berechnen" is not needed then.
const liveEndpoint = form instanceof HTMLFormElement ? form.dataset.budgetLive : undefined;
if (form instanceof HTMLFormElement && liveEndpoint) {
  for (const button of form.querySelectorAll('[data-recalculate]')) button.remove();
  const replaceInner = (selector, html) => {
    const target = document.querySelector(selector);
    if (target && target.innerHTML !== html) target.innerHTML = html;
  };
  askWhileTyping(form, {
    endpoint: liveEndpoint,
    delay: 250,
    show: (sums) => {
      form.querySelectorAll('.budget-table tbody td[data-betrag]').forEach((cell, index) => {
        const amount = sums.lines[index];
        if (amount !== undefined && cell.textContent !== amount) cell.textContent = amount;
      });
      replaceInner('[data-budget-grant]', sums.grant);
      replaceInner('[data-budget-summary]', sums.summary);
    },
  });

  // "Ändern" opens a saved cost line in place: the page with that line opened (?zeile=<id>, what
  // the link leads to without JavaScript) is fetched and its row takes the place of the text row.
  form.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-open-line]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    const rowId = `zeile-${link.dataset.openLine}`;
    try {
      const response = await fetch(link.href, { credentials: 'same-origin' });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const opened = page.getElementById(rowId);
      const row = document.getElementById(rowId);
      if (!response.ok || !opened || !row) throw new Error('line not found');
      // The fetched page may carry a newer version in its form id; the fields belong to this form.
      for (const field of opened.querySelectorAll('[form]')) field.setAttribute('form', form.id);
      const adopted = document.importNode(opened, true);
      row.replaceWith(adopted);
      adopted.querySelector('select, input:not([type=hidden]), textarea')?.focus();
    } catch {
      window.location.assign(link.href);
    }
  });
}

// Uploads: a file over the limit is refused before it travels (the server refuses it as well).
for (const upload of document.querySelectorAll('form[data-max-bytes]')) {
  upload.addEventListener('submit', (event) => {
    const input = upload.elements.namedItem('file');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!file || file.size <= Number(upload.dataset.maxBytes)) return;
    event.preventDefault();
    const summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    const title = document.createElement('h2');
    title.className = 'error-summary__title';
    title.textContent = 'Die Datei wurde nicht hochgeladen';
    const list = document.createElement('ul');
    list.className = 'error-summary__list';
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${input.id}`;
    link.textContent = upload.dataset.tooLarge ?? '';
    item.append(link);
    list.append(item);
    summary.append(title, list);
    upload.previousElementSibling?.matches('.error-summary') && upload.previousElementSibling.remove();
    upload.before(summary);
    summary.focus();
  });
}

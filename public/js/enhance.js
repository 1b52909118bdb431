// Progressive enhancement for the public pages that are served without React (ADR 0056): the
// pages work completely without this file; it adds only what React adds on the other pages.
// Plain JavaScript, no build step, no dependencies: every byte here travels to every visitor.

const WIDE = '(min-width: 48rem)';

// The header menu is a native <details>; wide screens show it unfolded through CSS, and browsers
// without ::details-content get it opened here.
const menu = document.querySelector('details.site-menu');
if (menu && window.matchMedia(WIDE).matches && !CSS.supports('selector(::details-content)')) menu.open = true;

// After a refused form the error summary takes the focus; otherwise a page reached from the same
// section (the next question of the Förder-Check) moves the focus to its heading.
const summary = document.querySelector('.error-summary');
const heading = document.querySelector('h1[data-focus-on-arrival]');
if (summary instanceof HTMLElement) summary.focus();
else if (heading instanceof HTMLElement && arrivedFromSameSection()) heading.focus();

function arrivedFromSameSection() {
  if (!document.referrer) return false;
  const from = new URL(document.referrer);
  const section = (path) => path.split('/')[1];
  return from.origin === window.location.origin && section(from.pathname) === section(window.location.pathname);
}

// The Förder-Check's "Zwischenstand": while the user answers, the server computes what the unsent
// answer would mean (same machine, same rules, nothing saved) and the panel says it.
const preview = document.querySelector('[data-live-preview]');
const form = preview ? document.getElementById(preview.getAttribute('data-live-preview') ?? '') : null;
if (preview instanceof HTMLElement && form instanceof HTMLFormElement) {
  const output = preview.querySelector('[aria-live]');
  const waiting = output ? output.innerHTML : '';
  let asked = 0;
  let timer = 0;
  const show = (answer) => {
    if (!output) return;
    if (!answer) {
      output.innerHTML = waiting;
      return;
    }
    const line = document.createElement('p');
    const verdict = document.createElement('strong');
    verdict.textContent = answer.verdict;
    line.append('Mit dieser Antwort: ', verdict, `. Als Nächstes kommt ${answer.next}.`);
    const parts = [line];
    if (answer.problems.length) {
      const list = document.createElement('ul');
      for (const problem of answer.problems) {
        const item = document.createElement('li');
        item.textContent = problem;
        list.append(item);
      }
      parts.push(list);
    }
    output.replaceChildren(...parts);
  };
  const update = async () => {
    const body = new FormData(form);
    body.set('frage', preview.getAttribute('data-question') ?? '');
    body.delete('intent');
    const mine = ++asked;
    try {
      const response = await fetch(preview.getAttribute('data-endpoint') ?? '', { method: 'POST', body, credentials: 'same-origin' });
      if (!response.ok || mine !== asked) return;
      const { preview: answer } = await response.json();
      if (mine === asked) show(answer);
    } catch {
      // No connection: the panel keeps what it said; "Weiter" still works.
    }
  };
  const soon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 200);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  preview.hidden = false;
  update();
}

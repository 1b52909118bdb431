// Progressive enhancement for the public pages that are served without React (ADR 0056): the
// pages work completely without this file; it adds only what React adds on the other pages.
// Plain JavaScript, no build step, no dependencies: every byte here travels to every visitor.

import { askWhileTyping } from './live-form.js';

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
  const update = askWhileTyping(form, {
    endpoint: preview.getAttribute('data-endpoint') ?? '',
    delay: 200,
    prepare: (body) => body.set('frage', preview.getAttribute('data-question') ?? ''),
    show: ({ preview: answer }) => show(answer),
  });
  preview.hidden = false;
  update();
}

// The idle-timeout warning (GOV.UK "timeout warning" pattern) for every signed-in page, React or
// document (ADR 0086). The dialog is rendered by the server (app/components/session-timeout.tsx);
// this file counts down from the duration the server gave, warns, keeps the session alive on
// request, and leads to the sign-in page once the time is up. Plain JavaScript, no build step.
//
// It is loaded with every page: after a sign-in on a React page the dialog appears without a new
// document (and a script React inserts would not run), so the file waits for the dialog to appear.

const signInAgain = () => {
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/anmelden?grund=expired&weiter=${encodeURIComponent(back)}`);
};

/** Counts down for one dialog; returns what stops it. */
function watch(dialog) {
  const minutesText = dialog.querySelector('[data-minutes-left]');
  const form = dialog.querySelector('form');
  const warnMs = Number(dialog.dataset.warnMinutes ?? '5') * 60_000;
  let deadline = 0;

  const check = () => {
    const left = deadline - Date.now();
    if (left <= 0) return signInAgain();
    if (left <= warnMs) {
      const minutes = Math.max(1, Math.ceil(left / 60_000));
      if (minutesText) {
        minutesText.textContent = `Sie werden in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} aus Sicherheitsgründen abgemeldet.`;
      }
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
  };
  const restart = (seconds) => {
    deadline = Date.now() + seconds * 1000;
    check();
  };

  // A page rendered anew by React (a client-side navigation records activity on the server)
  // brings a new duration and deadline: count from there.
  const renewed = new MutationObserver(() => restart(Number(dialog.dataset.secondsLeft ?? '0')));
  renewed.observe(dialog, { attributes: true, attributeFilter: ['data-seconds-left', 'data-deadline'] });

  const keepAlive = async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      if (!response.ok) return signInAgain();
      const { secondsLeft } = await response.json();
      restart(Number(secondsLeft));
    } catch {
      // No connection: the dialog stays; the user can try again.
    }
  };
  form?.addEventListener('submit', keepAlive);

  const timer = window.setInterval(check, 10_000);
  restart(Number(dialog.dataset.secondsLeft ?? '0'));
  return () => {
    window.clearInterval(timer);
    renewed.disconnect();
    form?.removeEventListener('submit', keepAlive);
  };
}

let current = null;
let stop = () => {};
const find = () => {
  const dialog = document.querySelector('dialog[data-session-timeout]');
  if (dialog === current) return;
  stop();
  stop = () => {};
  current = dialog;
  if (dialog instanceof HTMLDialogElement) stop = watch(dialog);
};
new MutationObserver(find).observe(document.body, { childList: true, subtree: true });
find();

// Shared by the plain scripts (ADR 0056, 0086): while the user types, post the form to a JSON
// endpoint of the server a moment after the last keystroke and hand the latest answer on. An answer
// that arrives after a newer question was asked is dropped; without a connection nothing changes.

/**
 * @param {HTMLFormElement} form
 * @param {{ endpoint: string, delay: number, prepare?: (body: FormData) => void, show: (answer: any) => void }} options
 * @returns {() => void} asks at once (e.g. for the first answer on load)
 */
export function askWhileTyping(form, { endpoint, delay, prepare, show }) {
  let asked = 0;
  let timer = 0;
  const ask = async () => {
    const body = new FormData(form);
    body.delete('intent');
    prepare?.(body);
    const mine = ++asked;
    try {
      const response = await fetch(endpoint, { method: 'POST', body, credentials: 'same-origin' });
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
      const answer = await response.json();
      if (mine === asked) show(answer);
    } catch {
      // No connection: what the page shows stays; the form's own buttons still work.
    }
  };
  const soon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, delay);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  return ask;
}

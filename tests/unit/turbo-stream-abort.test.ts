import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * patches/turbo-stream+2.4.1.patch (ADR 0099). Remix's single fetch decodes every data response with
 * turbo-stream. When a response's stream fails after its first line (a navigation interrupted by the
 * next click aborts the fetch of the one before), turbo-stream 2.4.1 rejected two promises nobody
 * listened to: the browser logged "Uncaught (in promise) AbortError" though the router had handled the
 * abort. What must hold, in both builds: no unhandled rejection, and a caller that waits for `done`
 * still learns that the stream failed.
 */
type TurboStream = typeof import('turbo-stream');
const builds: Array<[string, () => Promise<TurboStream>]> = [
  // The package's "import" condition is the ES module build the browser bundle is made from.
  ['ES module (browser bundle)', async () => await import('turbo-stream')],
  ['CommonJS', async () => createRequire(import.meta.url)('turbo-stream') as TurboStream],
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

/** A response body that sends its first line, then fails as an aborted fetch does. */
function abortedAfterFirstLine() {
  let fail: (reason: unknown) => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('[{"_1":2},"antrag",7]\n'));
      fail = (reason) => controller.error(reason);
    },
  });
  return { body, abort: () => fail(new DOMException('signal is aborted without reason', 'AbortError')) };
}

/** Lets the event loop run until Node has reported unhandled rejections of the turns before. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.each(builds)('turbo-stream decode of a stream aborted after its first line, %s', (_name, load) => {
  it('leaves no unhandled rejection when the caller uses only the value (as Remix does)', async () => {
    const { decode } = await load();
    process.on('unhandledRejection', onUnhandled);
    const { body, abort } = abortedAfterFirstLine();
    const decoded = await decode(body);
    expect(decoded.value).toEqual({ antrag: 7 });
    abort();
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('still rejects `done` for a caller that waits for the whole stream', async () => {
    const { decode } = await load();
    process.on('unhandledRejection', onUnhandled);
    const { body, abort } = abortedAfterFirstLine();
    const decoded = await decode(body);
    abort();
    await expect(decoded.done).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(unhandled).toEqual([]);
  });
});

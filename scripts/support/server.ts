import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface AppServer {
  baseUrl: string;
  child: ChildProcess;
  /** SIGTERM and wait for the exit (the server closes SQLite cleanly). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a crash. */
  kill(): Promise<void>;
}

/**
 * Starts the built app (server.mjs) on 127.0.0.1 against an existing database file and resolves
 * once /healthz answers. Fails as soon as the process exits, with what it wrote to stderr.
 */
export async function startAppServer(options: {
  file: string;
  port?: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Receives what the server writes to stdout (its log lines); otherwise stdout is discarded. */
  onStdout?: (text: string) => void;
}): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'server.mjs'], {
    stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_FILE: options.file,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'scripts',
      ...options.env,
    },
  });
  if (options.onStdout) child.stdout!.on('data', (chunk: Buffer) => options.onStdout!(chunk.toString()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  let up = false;
  while (!up) {
    const early = await Promise.race([exited, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 100))]);
    if (early !== 'waiting') throw new Error(`server.mjs exited with ${String(early)} before it answered: ${stderr}`);
    up = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { baseUrl, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

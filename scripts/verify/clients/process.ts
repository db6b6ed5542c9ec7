// Shared by the client probes: the connection they are given, and child processes that do not
// block this one (the node clients run here at the same time).
import { spawn } from 'node:child_process';
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import type { SnippetClient } from '../../../src/lib/drivers/snippets.ts';
import type { ClientCase } from './cases.ts';

export interface Conn {
  host: string; port: number; user: string; password: string; dbname: string;
  /** libpq's names; each probe maps them to its client's own settings. */
  connect_timeout?: number; sslmode?: 'require';
}

/**
 * A child process that does not block this process: the node clients run here at the same time,
 * and a blocked event loop made their connection attempts time out.
 */
export function exec(cmd: string, args: string[], input = '', env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

export function parseLines(client: SnippetClient, stdout: string): ClientOutcome[] {
  return stdout.split('\n').filter(Boolean).map((line) => ({ client, ...JSON.parse(line) }));
}

/** A probe in another language: cases as JSON on stdin, one JSON outcome a line on stdout. */
export async function childProbe(client: SnippetClient, cmd: string, args: string[], conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const run = await exec(cmd, args, JSON.stringify({ client, conn, cases }));
  if (run.status !== 0) throw new Error(`${client} probe failed (${cmd} exit ${run.status}): ${run.stderr.slice(-2000)}`);
  return parseLines(client, run.stdout);
}

/** Messages the server sends as text only are kept to their first line. */
export const firstLine = (text: string) => text.trim().split('\n')[0];

// Serves dist/ on a free loopback port for browser tests, with the production headers.
import type { AddressInfo } from 'node:net';
import { serve } from '../../scripts/serve.ts';
import { requireDist } from './dist.ts';

export async function serveDist() {
  requireDist();
  const server = await serve('dist', 0);
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

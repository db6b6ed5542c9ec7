// What `npm run verify` found on real servers, and the pure logic around it. No server code here:
// scripts/verify/ runs the servers; the site and the runner import these modules.
export * from './verification/results.ts';
export * from './verification/versions.ts';
export * from './verification/summary.ts';
export * from './verification/runs.ts';
export * from './verification/cases.ts';

import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The public origin, for <link rel="canonical">. Set SITE when deploying elsewhere.
const site = process.env.SITE ?? 'https://postgresql-errors.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [
    mdx(),
  ],
  vite: {
    // The search code is built like a worker, as one ES module (see src/scripts/site.ts).
    worker: { format: 'es' },
    // Scripts stay external files: the Content-Security-Policy allows no inline script.
    build: { assetsInlineLimit: 0 },
  },
});

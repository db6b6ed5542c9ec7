// The peer: a minimal Starlight site with the same pages as ours (bench/peer-starlight/generate.ts
// writes them), using Starlight's defaults: its Pagefind search and Expressive Code.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://postgresql-errors.example',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'PostgreSQL Error Reference',
      // A short, fixed sidebar, like our header. Starlight's default sidebar lists every page on
      // every page, which would make the comparison about navigation size, not the entries.
      sidebar: [{ label: 'All codes', link: '/errors/' }],
    }),
  ],
});

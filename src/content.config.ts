// The authored entries: one file per SQLSTATE in content/errors/, validated by the shared schema:
// <CODE>.yaml, or <CODE>.mdx whose YAML front matter is the entry and whose body is its long-form
// "In depth" section. ENTRY_DIR points the build at another folder (the malformed-entry tests use it).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { hasCode } from './lib/catalog.ts';
import { entrySchema } from './lib/entry-schema.ts';

const errors = defineCollection({
  loader: glob({
    pattern: '*.{yaml,mdx}',
    base: process.env.ENTRY_DIR || './content/errors',
    // The id is the file name as written (the default would lower-case it): 28P01, not 28p01.
    generateId: ({ entry }) => entry.replace(/\.(yaml|mdx)$/, ''),
  }),
  schema: entrySchema.superRefine((entry, ctx) => {
    entry.related.forEach((link, i) => {
      if (!hasCode(link.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['related', i, 'code'],
          message: `broken link ${entry.code} -> ${link.code}: no such SQLSTATE`,
        });
      }
    });
  }),
});

export const collections = { errors };

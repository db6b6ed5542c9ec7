// JSON-LD for entry pages: a TechArticle and its breadcrumb (home -> class -> code), so search
// engines show the page as documentation with its place in the catalog.
import type { CatalogClass, CatalogCode } from './catalog.ts';
import { classPath, entryPath } from './paths.ts';

export interface ArticleFacts {
  info: CatalogCode;
  cls: CatalogClass;
  headline: string;
  description: string;
  /** YYYY-MM-DD of the entry's last change, when known. */
  dateModified?: string;
}

export function entryStructuredData({ info, cls, headline, description, dateModified }: ArticleFacts, site: URL): object {
  const url = (path: string) => new URL(path, site).href;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'TechArticle',
        headline,
        description,
        url: url(entryPath(info.code)),
        ...(dateModified ? { dateModified } : {}),
        about: `PostgreSQL SQLSTATE ${info.code}`,
        inLanguage: 'en',
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'PostgreSQL Error Reference', item: url('/') },
          { '@type': 'ListItem', position: 2, name: `Class ${cls.code}: ${cls.name}`, item: url(classPath(cls.code)) },
          { '@type': 'ListItem', position: 3, name: `${info.code} ${info.name}`, item: url(entryPath(info.code)) },
        ],
      },
    ],
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the element. */
export const jsonForScript = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');

// The site icon, inlined as a data: URL so that a page costs one request fewer.
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#336791"/><path d="M9 10h14M9 16h10M9 22h14" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>';
export const FAVICON = `data:image/svg+xml,${encodeURIComponent(SVG)}`;

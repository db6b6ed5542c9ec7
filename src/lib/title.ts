// Page titles: search engines show about 60-70 characters, so the suffix goes first when space runs out.
export const MAX_TITLE = 70;

export function fitTitle(main: string, suffix: string, max = MAX_TITLE): string {
  if ((main + suffix).length <= max) return main + suffix;
  if (main.length <= max) return main;
  return main.slice(0, max - 1).trimEnd() + '…';
}

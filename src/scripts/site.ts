// The only script every page loads: copy buttons, "/" to focus search, and loading the search
// code the first time the search box is used. Everything it enhances works without it.

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-code], [data-copy-link]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const link = button.dataset.copyLink;
    const text = link
      ? new URL(link, location.href).href
      : (button.closest('.code-wrap')?.querySelector('pre')?.innerText ?? '');
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = label), 1500);
  });
}

// The search code's URL, built as a module of its own: a plain import() here would bring in
// Vite's preload helper, two thirds of this script, with nothing to preload.
import searchUrl from './search.ts?worker&url';

const input = document.querySelector<HTMLInputElement>('[data-search] input');
if (input) {
  let loaded: Promise<unknown> | undefined;
  // On first use, not on focus: the home page focuses the box, and reading it costs nothing. A
  // click or a key in the box counts as use: a reader clicks before pasting, and the search code
  // then compiles while they do.
  const load = () => (loaded ??= import(/* @vite-ignore */ searchUrl));
  for (const event of ['pointerdown', 'keydown', 'input']) input.addEventListener(event, load, { once: true });
  // ?q= comes from the address bar's search (opensearch.xml) or a shared link.
  const asked = new URLSearchParams(location.search).get('q');
  if (asked && !input.value) input.value = asked;
  if (input.value) load(); // asked for, or restored by the browser on back navigation
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || target.closest('input, textarea, [contenteditable]')) return;
    event.preventDefault();
    input.focus();
  });
}

// Narrows the all-codes table as you type. The table is complete without it.
const box = document.querySelector<HTMLElement>('[data-table-filter]');
const table = document.querySelector<HTMLTableElement>('[data-code-table]');
if (box && table) {
  const input = box.querySelector('input')!;
  const count = box.querySelector<HTMLElement>('[data-count]')!;
  const rows = [...table.tBodies[0].rows].map((row) => ({ row, text: row.textContent!.toLowerCase() }));
  const apply = () => {
    const words = input.value.toLowerCase().replaceAll('_', ' ').split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { row, text } of rows) {
      const hay = text.replaceAll('_', ' ');
      row.hidden = !words.every((w) => hay.includes(w));
      if (!row.hidden) shown++;
    }
    count.textContent = `${shown} of ${rows.length} codes`;
  };
  box.classList.remove('pending');
  input.addEventListener('input', apply);
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) input.value = initial;
  apply();
}

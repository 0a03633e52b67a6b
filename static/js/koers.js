// Koers: small progressive enhancements. Everything works without JavaScript too.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// A checkbox with data-check-all="name" checks or unchecks every box of that name in its form.
document.addEventListener("change", (event) => {
  const name = event.target.dataset?.checkAll;
  if (!name) return;
  for (const box of event.target.form.querySelectorAll(`input[name="${name}"]`)) {
    box.checked = event.target.checked;
  }
});

// Quarter board: drag a card to another column. The buttons on each card do the same without
// a mouse; this posts what the neighbour buttons post, and htmx swaps in the new board.
const boardColumn = (node) => (node instanceof Element ? node.closest("[data-drop-column]") : null);
let draggedCard = null;
document.addEventListener("dragstart", (event) => {
  draggedCard = event.target instanceof Element ? event.target.closest("[data-move-url]") : null;
  if (!draggedCard) return;
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", draggedCard.id);
  draggedCard.classList.add("dragging");
});
document.addEventListener("dragend", () => {
  draggedCard?.classList.remove("dragging");
  for (const column of document.querySelectorAll(".drop-here")) {
    column.classList.remove("drop-here");
  }
});
document.addEventListener("dragover", (event) => {
  const column = boardColumn(event.target);
  if (!draggedCard || !column) return;
  event.preventDefault();
  for (const other of document.querySelectorAll(".drop-here")) {
    if (other !== column) other.classList.remove("drop-here");
  }
  column.classList.add("drop-here");
});
document.addEventListener("drop", (event) => {
  const column = boardColumn(event.target);
  const card = draggedCard;
  if (!card || !column) return;
  event.preventDefault();
  if (boardColumn(card) === column) return;
  const headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
  htmx.ajax("POST", card.dataset.moveUrl, {
    source: card,
    target: "#board",
    swap: "outerHTML",
    headers,
    values: {
      year: column.dataset.year,
      quarter: column.dataset.quarter,
      version: card.dataset.version,
    },
  });
});

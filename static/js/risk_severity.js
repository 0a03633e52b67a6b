// Risk form: shows the severity the three scores give while they are typed. The same rule as
// duediligence.rules.severity: the average rounded up, at least 4 when one of them is a 5.
// The server works the severity out again on saving; this is only a hint.
(() => {
  const hint = document.getElementById("severity-live");
  if (!hint) return;
  const names = ["scale", "scope", "irremediability"];
  const update = () => {
    const scores = names.map((name) => Number(document.getElementById(`id_${name}`)?.value));
    if (!scores.every((score) => Number.isInteger(score) && score >= 1 && score <= 5)) {
      hint.textContent = hint.dataset.empty;
      return;
    }
    let severity = Math.ceil((scores[0] + scores[1] + scores[2]) / 3);
    if (scores.includes(5)) severity = Math.max(severity, 4);
    hint.textContent = hint.dataset.text
      .replace("{severity}", String(severity))
      .replace("{band}", hint.dataset[`band${severity}`]);
  };
  for (const name of names) {
    document.getElementById(`id_${name}`)?.addEventListener("input", update);
  }
  update();
})();

// Monitoring form: the audit standard only shows for an audit, and "andere auditstandaard"
// only for another audit. Without JavaScript every field shows and the server checks the
// same rules (Monitoring.clean). A hidden field keeps its value, so nothing typed is lost.
(() => {
  const kind = document.getElementById("id_kind");
  const scheme = document.getElementById("id_audit_scheme");
  if (!kind || !scheme) return;
  const wrapper = (id) => document.getElementById(`div_id_${id}`);
  const update = () => {
    const audit = kind.value === "audit";
    const schemeBox = wrapper("audit_scheme");
    const otherBox = wrapper("audit_other");
    const hasError = (box) => box && box.querySelector(".is-invalid");
    if (schemeBox) schemeBox.hidden = !audit && !scheme.value && !hasError(schemeBox);
    if (otherBox) {
      otherBox.hidden = !(audit && scheme.value === "anders") && !hasError(otherBox);
    }
  };
  kind.addEventListener("change", update);
  scheme.addEventListener("change", update);
  update();
})();

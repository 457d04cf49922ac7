// «Печать» button of a position page: opens the browser's print dialog (the layout is print.css).
// The button is hidden in the HTML and shown here, so without JavaScript nobody sees a dead button.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

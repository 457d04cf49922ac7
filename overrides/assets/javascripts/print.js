// «Печать» button of a position page. The button is hidden in the HTML and shown here, so without
// JavaScript nobody sees a dead button.
// When the build made the position's PDF, the button prints that PDF: the official printout, the same
// document as the page's print layout (print.css), hyphenated (Chromium on Linux has no Russian
// dictionary) and byte for byte the file one downloads. Without a PDF (mkdocs serve) it prints the page.
function printDocument(button) {
  const pdf = button.dataset.pdf;
  if (!pdf) {
    window.print();
    return;
  }
  const frame = document.createElement("iframe");
  frame.className = "print-frame";
  frame.title = "PDF для печати";
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = "position: fixed; width: 0; height: 0; border: 0; visibility: hidden";
  frame.addEventListener("load", () => {
    try {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    } catch (error) {
      window.open(pdf, "_blank"); // the browser shows the PDF; its own print button prints it
    }
  });
  frame.src = pdf;
  document.body.append(frame);
}

document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => printDocument(button));
});

// A closed «??? note» block prints with its text, as in the PDF and the .docx (Chromium prints only the
// title of a closed <details>); the blocks close again after printing.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll(".md-content details:not([open])")];
  openedForPrint.forEach((block) => { block.open = true; });
});
window.addEventListener("afterprint", () => {
  openedForPrint.forEach((block) => { block.open = false; });
  openedForPrint = [];
});

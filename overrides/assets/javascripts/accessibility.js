// What Material for MkDocs 9 leaves to the site for screen readers and the keyboard (axe-core reports
// the same on Material's own pages; tests/test_accessibility.py runs it over every page here):
// - the search dialog has a name;
// - on narrow screens the header's menu and search buttons are <label>s of hidden checkboxes, which the
//   keyboard cannot reach: each gets a real button inside;
// - the tag lists in search results are navigation landmarks: each gets the name of its result;
// - a search result chosen with the arrow keys keeps the focus when the list is rendered again;
// - a table wider than the screen scrolls in its own box: the box takes the keyboard focus, so the
//   arrow keys scroll it.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]')
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Поиск")

  // A real <button> inside each label (its icon moved into it): focusable, pressed by Enter and Space,
  // named for screen readers; it flips the same checkbox the label does.
  var names = { __drawer: "Меню", __search: "Поиск" }
  document.querySelectorAll(".md-header label.md-header__button[for]").forEach(function (label) {
    var name = names[label.htmlFor]
    if (!name || label.querySelector("button")) return
    var button = document.createElement("button")
    button.type = "button"
    button.className = "jobdesc-key"
    button.setAttribute("aria-label", name)
    while (label.firstChild) button.appendChild(label.firstChild)
    label.appendChild(button)
    button.addEventListener("click", function (event) {
      event.preventDefault()
      document.getElementById(label.htmlFor).click()
    })
  })

  var results = document.querySelector(".md-search-result__list")
  if (results) {
    new MutationObserver(function () {
      results.querySelectorAll("nav.md-tags:not([aria-label])").forEach(function (tags) {
        var title = tags.closest("article") && tags.closest("article").querySelector("h1, h2")
        tags.setAttribute("aria-label", "Метки: " + (title ? title.textContent.trim() : ""))
      })
      keepFocus()
    }).observe(results, { childList: true, subtree: true })

    // Our search worker may answer twice (the matching titles, then the first pages' sections) and
    // Material renders the list afresh on each answer: a result reached with the arrow keys in between
    // would lose the focus, and Enter would go nowhere. The same result (same address) takes it back.
    var chosen = null  // the result link that last had the focus, while the focus stays in the list
    document.addEventListener("focusin", function (event) {
      var link = event.target
      chosen = results.contains(link) && link.hasAttribute("href") ? link : null
    })
    function keepFocus() {
      if (!chosen || chosen.isConnected) return
      if (document.activeElement && document.activeElement !== document.body) { chosen = null; return }
      var href = chosen.getAttribute("href")
      var links = results.querySelectorAll("[href]")
      for (var i = 0; i < links.length; i++)
        if (links[i].getAttribute("href") === href) { links[i].focus(); return }
    }
  }

  function scrollingTables() {
    const boxes = document.querySelectorAll(".md-typeset__scrollwrap")
    boxes.forEach(function (box, index) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0")
        box.setAttribute("role", "region")
        // Each region needs a name of its own: a screen reader lists them side by side.
        const which = boxes.length > 1 ? " " + (index + 1) + " из " + boxes.length : ""
        box.setAttribute("aria-label", "Таблица" + which + ", прокручивается в сторону")
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex")
        box.removeAttribute("role")
        box.removeAttribute("aria-label")
      }
    })
  }
  // Material wraps the tables once the page has loaded (document$ is its documented page-load signal).
  if (typeof document$ !== "undefined") document$.subscribe(function () { setTimeout(scrollingTables) })
  window.addEventListener("resize", scrollingTables)
})()

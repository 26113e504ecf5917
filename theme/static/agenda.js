// Stale build: ended occurrences move from « À venir » to the top of « passés ».
(function (d) {
  var up = d.querySelector("#a-venir .occurrences"), past = d.getElementById("passes");
  if (!up || !past) return;
  [].slice.call(up.children).forEach(function (li) {
    if (!(Date.parse(li.dataset.end) <= Date.now())) return;
    var year = li.querySelector("time").getAttribute("datetime").slice(0, 4),
      h = past.querySelector("h3"), ol = h && h.nextElementSibling,
      t = li.querySelector("h3"), h4 = d.createElement("h4");
    if (!h || h.textContent != year) {
      h = d.createElement("h3"); h.textContent = year;
      ol = d.createElement("ol"); ol.className = "occurrences";
      past.querySelector("h2").after(h, ol);
    }
    h4.className = t.className; h4.append.apply(h4, t.childNodes); t.replaceWith(h4);
    ol.prepend(li);
  });
  if (!up.children.length) { up.nextElementSibling.hidden = false; up.remove(); }
  var none = past.querySelector(".past-empty");
  if (none && past.querySelector("li")) none.remove();
})(document);

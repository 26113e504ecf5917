// The site's search, on /recherche/ only: Pagefind's JS API (pagefind/, written
// by plugins/alternateur/outputs/search_index.py), with the site's own markup.
// Nothing is fetched until the visitor types; without this script, the page
// lists the site's pages instead (search.html).
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  if (!script || !form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var nojs = document.querySelector(".search-nojs");
  var sitemap = document.querySelector(".search-sitemap");
  // The site's root: this file is <root>/theme/search.js.
  var root = new URL("../", script.src);
  // Milestones are the timeline's headings with the id « <slug>.titre »
  // (timeline.html); their address is the milestone's own, « #<slug> ».
  var MILESTONE = /\.titre$/;
  var MAX_PAGES = 30;
  var pagefind = null;
  var shown = [];
  var asked = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (api) {
        return api.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          return api;
        });
      });
    }
    return pagefind;
  }

  function plural(count) {
    return count === 0 ? "Aucun résultat" : count === 1 ? "1 résultat" : count + " résultats";
  }

  // Pagefind's excerpt is text with <mark> around the words found: only the
  // text and the marks are kept, never other markup.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "search-result-excerpt";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  // One page's data → its results: the page, and each milestone found in it.
  function items(data) {
    var found = [];
    var page = null;
    (data.sub_results || []).forEach(function (sub) {
      var anchor = sub.anchor && sub.anchor.id;
      if (anchor && MILESTONE.test(anchor)) {
        found.push({
          kind: "Jalon",
          title: sub.title,
          url: data.url.split("#")[0] + "#" + anchor.replace(MILESTONE, ""),
          excerpt: sub.excerpt,
        });
      } else if (!page) {
        page = sub;
      }
    });
    if (page || !found.length) {
      found.unshift({
        kind: data.meta.kind || "Page",
        title: data.meta.title,
        date: data.meta.date,
        url: data.url,
        excerpt: (page || data).excerpt,
      });
    }
    return found;
  }

  function render() {
    var kind = form.querySelector("input[name=sorte]:checked").value;
    var chosen = shown.filter(function (item) {
      return !kind || item.kind === kind;
    });
    list.replaceChildren.apply(list, chosen.map(function (item) {
      var entry = document.createElement("li");
      entry.className = "search-result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      heading.appendChild(link);
      var facts = document.createElement("p");
      facts.className = "search-result-facts";
      var label = document.createElement("span");
      label.className = "search-kind";
      label.textContent = item.kind;
      facts.appendChild(label);
      if (item.date) {
        facts.appendChild(document.createTextNode(" · " + item.date));
      }
      entry.append(heading, facts, excerpt(item.excerpt || ""));
      return entry;
    }));
    list.hidden = chosen.length === 0;
    var words = input.value.trim();
    status.textContent = words ? plural(chosen.length) + " pour « " + words + " »" : "";
  }

  function search() {
    var words = input.value.trim();
    var ticket = ++asked;
    if (!words) {
      shown = [];
      render();
      return;
    }
    load()
      .then(function (api) {
        return api.search(words);
      })
      .then(function (found) {
        if (ticket !== asked || !found) return null;
        return Promise.all(found.results.slice(0, MAX_PAGES).map(function (result) {
          return result.data();
        }));
      })
      .then(function (pages) {
        if (ticket !== asked || !pages) return;
        shown = pages.reduce(function (all, data) {
          return all.concat(items(data));
        }, []);
        render();
      })
      .catch(function () {
        if (ticket !== asked) return;
        shown = [];
        list.hidden = true;
        status.textContent = "La recherche n'a pas pu se charger. Réessayez plus tard, ou passez par le plan du site.";
        sitemap.hidden = false;
      });
  }

  form.hidden = false;
  nojs.hidden = true;
  sitemap.hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", search);
  form.addEventListener("change", function (event) {
    if (event.target.name === "sorte") render();
  });
  // A search kept in the address (« ?q=… », the form without this script).
  var asked_for = new URLSearchParams(location.search).get("q");
  if (asked_for) {
    input.value = asked_for;
    search();
  }
})();

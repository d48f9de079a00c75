/* argmap's interactive map page: pan and zoom, a panel for each node, search, branches
   and keys. Written for argmap, no library; it fetches nothing and works from file://.
   The page gives it the drawing (#am-svg, nodes marked data-node, edges data-rel) and
   the map's data as JSON (#am-data, made by argmap/render/_interactive_data.py). */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("am-data").textContent);
  const byId = (id) => document.getElementById(id);
  const svg = byId("am-svg");
  const view = byId("am-view");
  const panel = byId("am-panel");
  const search = byId("am-search");
  const status = byId("am-status");
  const nodes = new Map(data.nodes.map((node) => [node.id, node]));
  const groups = new Map();
  svg.querySelectorAll("[data-node]").forEach((g) => groups.set(g.dataset.node, g));

  // Tab goes through the nodes in reading order: put their groups in that order (all
  // coordinates are in one space, so moving a group moves nothing on screen), then the
  // drawing's other links (the sources in the caption).
  const layer = svg.querySelector("g.graph") || svg;
  data.order.forEach((id) => groups.has(id) && layer.appendChild(groups.get(id)));
  layer.querySelectorAll("a").forEach((a) => {
    if (!a.closest("[data-node]")) layer.appendChild(a.closest("g[id^='a_']") || a);
  });

  // -- pan and zoom: the viewBox is the view ------------------------------------------
  const [x0, y0, w0, h0] = svg.getAttribute("viewBox").trim().split(/[\s,]+/).map(Number);
  const fit = { x: x0, y: y0, w: w0, h: h0 };
  let box = { ...fit };
  const show = (b) => {
    box = b;
    svg.setAttribute("viewBox", `${b.x} ${b.y} ${b.w} ${b.h}`);
  };
  const scale = () => svg.getScreenCTM().a; // screen pixels per unit of the drawing
  const toMap = (x, y) => new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
  function zoom(factor, x, y) {
    const r = view.getBoundingClientRect();
    const p = toMap(x ?? r.left + r.width / 2, y ?? r.top + r.height / 2);
    const w = Math.min(Math.max(box.w / factor, fit.w / 50), fit.w * 4);
    const g = w / box.w;
    show({ x: p.x - (p.x - box.x) * g, y: p.y - (p.y - box.y) * g, w: w, h: box.h * g });
  }
  const panBy = (dx, dy) => {
    const s = scale();
    show({ ...box, x: box.x - dx / s, y: box.y - dy / s });
  };

  let press = null;
  let dragged = false;
  view.addEventListener("pointerdown", (e) => {
    if (e.button === 0) press = { x: e.clientX, y: e.clientY, id: e.pointerId, moving: false };
  });
  view.addEventListener("pointermove", (e) => {
    if (!press || press.id !== e.pointerId) return;
    const dx = e.clientX - press.x;
    const dy = e.clientY - press.y;
    if (!press.moving && Math.hypot(dx, dy) < 4) return; // a click, so far
    if (!press.moving) view.setPointerCapture(e.pointerId);
    press.moving = true;
    view.classList.add("am-dragging");
    panBy(dx, dy);
    press.x = e.clientX;
    press.y = e.clientY;
  });
  const release = () => {
    dragged = Boolean(press && press.moving);
    press = null;
    view.classList.remove("am-dragging");
  };
  view.addEventListener("pointerup", release);
  view.addEventListener("pointercancel", release);
  view.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY * 0.002), e.clientX, e.clientY);
    },
    { passive: false },
  );
  byId("am-zoom-in").addEventListener("click", () => zoom(1.25));
  byId("am-zoom-out").addEventListener("click", () => zoom(0.8));
  byId("am-fit").addEventListener("click", () => show({ ...fit }));
  byId("am-print").addEventListener("click", () => window.print());

  // The part of the view the panel leaves uncovered, less a margin for the focus ring.
  function openArea() {
    const r = view.getBoundingClientRect();
    const right = panel.hidden ? r.right : Math.min(r.right, panel.getBoundingClientRect().left);
    const m = 16;
    return { left: r.left + m, top: r.top + m, right: right - m, bottom: r.bottom - m };
  }
  // Bring a node into the open area; ``readable``: zoom in first if its text is tiny.
  function reveal(id, readable) {
    const g = groups.get(id);
    if (!g) return;
    if (readable && scale() < 0.75) zoom(1 / scale());
    const r = g.getBoundingClientRect();
    const a = openArea();
    if (r.left >= a.left && r.right <= a.right && r.top >= a.top && r.bottom <= a.bottom) return;
    panBy((a.left + a.right) / 2 - (r.left + r.right) / 2, (a.top + a.bottom) / 2 - (r.top + r.bottom) / 2);
  }

  // -- the panel ----------------------------------------------------------------------
  let chosen = null;
  let branch = null;
  const make = (tag, text, cls) => {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  };
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const named = (id) => {
    const node = nodes.get(id);
    const chars = Array.from(node.text); // whole characters: never half an emoji
    const text = chars.length > 70 ? chars.slice(0, 69).join("") + "…" : node.text;
    return `${node.main ? "main claim" : node.kind} ${id}: ${text}`;
  };
  const webAddress = (url) => typeof url === "string" && /^https?:\/\//i.test(url);

  function fact(list, term, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(make("dt", term));
    const dd = make("dd");
    dd.append(value);
    list.append(dd);
  }

  function cite(source) {
    const part = document.createDocumentFragment();
    if (webAddress(source.url)) {
      const a = make("a", source.title);
      a.href = source.url;
      part.append(a);
    } else {
      part.append(source.title);
    }
    const who = source.authors.join(", ") || source.affiliation;
    const rest = [who, source.outlet, source.date].filter(Boolean).join(", ");
    if (rest) part.append(`. ${rest}`);
    if (source.where) part.append(`. ${source.paragraphs.length > 1 ? "Paragraphs" : "Paragraph"} ${source.where}`);
    return part;
  }

  function render(node) {
    byId("am-panel-kind").textContent = capital(node.main ? "main claim" : node.kind);
    byId("am-panel-text").textContent = node.text;
    const facts = byId("am-panel-facts");
    facts.replaceChildren();
    fact(facts, "Id", node.id);
    if (node.evaluation) {
      const said = { in: "accepted", out: "rejected", undec: "undecided" }[node.evaluation];
      const label = make("span", `${node.evaluation.toUpperCase()}: ${said}`, `am-label am-label-${node.evaluation}`);
      fact(facts, "Evaluation", label);
      facts.lastChild.append(` (${data.semantics} semantics)`);
    }
    fact(facts, "Basis", node.basis);
    if (node.implicit) fact(facts, "Implicit", "yes: the analyst added it");
    if (node.speaker) {
      const s = node.speaker;
      const about = [s.affiliation, s.country, s.role].filter(Boolean).join(", ");
      fact(facts, "Speaker", about ? `${s.name} (${about})` : s.name);
    }
    if (node.source) fact(facts, "Source", cite(node.source));
    if (node.tags.length) fact(facts, "Tags", node.tags.join(", "));
    if (node.note) fact(facts, "Note", make("span", node.note, "am-note"));
    const links = byId("am-panel-links");
    links.replaceChildren();
    node.links.forEach(([heading, items]) => {
      links.append(make("h3", heading));
      const list = make("ul", undefined, "am-links");
      items.forEach((item) => {
        const li = make("li");
        item.nodes.forEach((id) => {
          const button = make("button", named(id));
          button.type = "button";
          button.dataset.goto = id;
          li.append(button);
        });
        if (item.detail) li.append(make("span", item.detail, "am-detail"));
        list.append(li);
      });
      links.append(list);
    });
    byId("am-branch").setAttribute("aria-pressed", String(branch === node.id));
  }

  function open(id, focusPanel) {
    const node = nodes.get(id);
    if (!node) return;
    if (chosen) groups.get(chosen)?.classList.remove("am-chosen");
    chosen = id;
    groups.get(id)?.classList.add("am-chosen");
    render(node);
    panel.hidden = false;
    reveal(id, false);
    if (focusPanel) byId("am-panel-kind").focus();
  }

  function close() {
    if (!chosen) return;
    const was = chosen;
    const inside = panel.contains(document.activeElement);
    groups.get(was)?.classList.remove("am-chosen");
    chosen = null;
    panel.hidden = true;
    highlight(null);
    if (inside) groups.get(was)?.focus();
  }

  function highlight(root) {
    branch = root;
    svg.classList.toggle("am-branching", root !== null);
    svg.querySelectorAll(".am-in-branch").forEach((el) => el.classList.remove("am-in-branch"));
    if (root === null) return;
    const below = new Set();
    const stack = [root];
    while (stack.length) {
      const id = stack.pop();
      if (below.has(id)) continue;
      below.add(id);
      stack.push(...nodes.get(id).children);
    }
    below.forEach((id) => groups.get(id)?.classList.add("am-in-branch"));
    svg.querySelectorAll("[data-rel]").forEach((el) => {
      const ends = data.relations[el.dataset.rel] || [];
      if (ends.every((id) => below.has(id))) el.classList.add("am-in-branch");
    });
  }

  byId("am-close").addEventListener("click", close);
  byId("am-branch").addEventListener("click", () => {
    highlight(branch === chosen ? null : chosen);
    byId("am-branch").setAttribute("aria-pressed", String(branch !== null));
  });
  panel.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-goto]");
    if (button) open(button.dataset.goto, true);
  });

  // -- nodes: click, Enter, arrows ---------------------------------------------------
  const nodeOf = (el) => el && el.closest && el.closest("[data-node]");
  svg.addEventListener("click", (e) => {
    const g = nodeOf(e.target);
    if (dragged) dragged = false;
    else if (g) open(g.dataset.node, false);
  });
  svg.addEventListener("focusin", (e) => {
    const g = nodeOf(e.target);
    if (g && g.matches(":focus-visible")) reveal(g.dataset.node, true);
  });

  const cameFrom = new Map(); // the node an arrow key came down from
  const roots = data.order.filter((id) => nodes.get(id).parents.length === 0);
  const parentOf = (id) => {
    const parents = nodes.get(id).parents;
    return parents.includes(cameFrom.get(id)) ? cameFrom.get(id) : parents[0];
  };
  function go(id, from) {
    if (!id || !groups.has(id)) return;
    if (from) cameFrom.set(id, from);
    groups.get(id).focus();
  }
  function sibling(id, step) {
    const parent = parentOf(id);
    const list = parent ? nodes.get(parent).children : roots;
    go(list[list.indexOf(id) + step], parent);
  }
  const keys = {
    Enter: (id) => open(id, true),
    " ": (id) => open(id, true),
    ArrowDown: (id) => go(nodes.get(id).children[0], id),
    ArrowUp: (id) => go(parentOf(id)),
    ArrowRight: (id) => sibling(id, 1),
    ArrowLeft: (id) => sibling(id, -1),
    Home: () => go(data.order[0]),
    End: () => go(data.order[data.order.length - 1]),
    "+": () => zoom(1.25),
    "=": () => zoom(1.25),
    "-": () => zoom(0.8),
    0: () => show({ ...fit }),
  };
  svg.addEventListener("keydown", (e) => {
    const g = nodeOf(e.target);
    const act = Object.hasOwn(keys, e.key) ? keys[e.key] : null;
    if (!g || !act || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    act(g.dataset.node);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && chosen) {
      e.preventDefault();
      close();
    }
  });

  // -- search -------------------------------------------------------------------------
  let hits = [];
  let at = -1;
  search.addEventListener("input", () => {
    const wanted = search.value.trim().toLowerCase();
    groups.forEach((g) => g.classList.remove("am-found"));
    hits = !wanted
      ? []
      : data.order.filter(
          (id) => id.toLowerCase().includes(wanted) || nodes.get(id).text.toLowerCase().includes(wanted),
        );
    at = -1;
    hits.forEach((id) => groups.get(id)?.classList.add("am-found"));
    const count = hits.length === 1 ? "1 node found" : `${hits.length} nodes found`;
    status.textContent = !wanted ? "" : hits.length ? `${count}; Enter for the next` : "no node found";
  });
  search.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !hits.length) return;
    e.preventDefault();
    at = (at + (e.shiftKey ? hits.length - 1 : 1)) % hits.length;
    open(hits[at], false);
    status.textContent = `${at + 1} of ${hits.length}: ${named(hits[at])}`;
  });

  // -- the outline: shown or hidden from sight (screen readers always have it) ----------
  const toggle = byId("am-outline-toggle");
  toggle.addEventListener("click", () => {
    const shown = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(shown));
    toggle.textContent = shown ? "Hide the outline" : "Show the outline";
    byId("am-outline-body").classList.toggle("am-unseen", !shown);
  });
})();

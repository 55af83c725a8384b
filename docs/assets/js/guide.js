/* The "What happened?" guide (docs/guide.md).

   The reader ticks what went wrong; the plan shows the tips tagged with those
   situations, and the few steps that help everyone (in_every_plan), grouped by
   stage. A tip that a follow-up note goes with links to that note. All advice comes from the open data file the
   build writes (api/v1/knowledge-base.json); this script holds none of it.
   The file lists stages and tips in plan order already (stage, then the most
   widely sourced, then title); within a stage the plan puts the shared steps
   last, so what was written for the reader's situation comes first.

   The choice lives in the address (?s=blank-mind,nerves), so a plan can be
   bookmarked, shared and reloaded. If this script or the file cannot load, the
   page keeps its plain list of every situation and its tips. Needs shared.js first. */
(function () {
  "use strict";

  const tools = window.InterviewRebound;
  const root = document.querySelector("[data-ir-guide]");
  if (!tools || !root || !window.fetch) {
    return;
  }
  const form = root.querySelector("[data-ir-guide-form]");
  const plan = root.querySelector("[data-ir-plan]");
  const status = plan.querySelector("[data-ir-plan-status]");
  const stageList = plan.querySelector("[data-ir-plan-stages]");
  const printButton = plan.querySelector('[data-ir-action="print"]');
  const address = plan.querySelector("[data-ir-plan-address]");
  const jump = form.querySelector("[data-ir-jump]");
  const checkboxes = Array.from(form.querySelectorAll("input[type=checkbox][name=s]"));

  const element = tools.element;

  function tipLink(tip) {
    return root.getAttribute("data-ir-tip-url").replace("{theme}", encodeURIComponent(tip.theme)).replace("{id}", encodeURIComponent(tip.id));
  }

  /* Every stage and every tip that helps with some situation, built once and hidden.
     Choosing only shows or hides entries, so a screen reader hears what was added, not the whole plan again. */
  function buildPlan(data) {
    const groups = [];
    const notesFor = new Map();
    data.templates.forEach(function (note) {
      /* A note goes with its first tip, the one it is written for (as on the notes page). */
      notesFor.set(note.tips[0], (notesFor.get(note.tips[0]) || []).concat([note]));
    });
    data.stages.forEach(function (stage) {
      const inStage = data.tips.filter(function (tip) {
        return tip.stage === stage.id && ((tip.situations || []).length > 0 || tip.in_every_plan);
      });
      /* What was written for the reader's situation comes first; the steps that help everyone follow. */
      const tips = inStage.filter(function (tip) {
        return !tip.in_every_plan;
      }).concat(inStage.filter(function (tip) {
        return tip.in_every_plan;
      }));
      if (tips.length === 0) {
        return;
      }
      const group = element("li", "ir-plan__stage");
      group.append(element("h3", "ir-plan__stage-title", stage.title));
      const list = element("ul", "ir-plan__tips");
      const entries = tips.map(function (tip) {
        const item = element("li", "ir-plan__tip");
        const link = element("a", "ir-plan__tip-title", tip.title);
        link.href = tipLink(tip);
        item.append(link, element("p", "ir-plan__tip-summary", tip.summary));
        (notesFor.get(tip.id) || []).forEach(function (note) {
          const line = element("p", "ir-plan__note", "What to write: ");
          const noteLink = element("a", "ir-plan__note-link", note.title);
          noteLink.href = root.getAttribute("data-ir-notes-url") + "#note-" + encodeURIComponent(note.id);
          line.append(noteLink);
          item.append(line);
        });
        list.append(item);
        return {item: item, situations: tip.situations || [], everyPlan: tip.in_every_plan};
      });
      group.append(list);
      stageList.append(group);
      groups.push({group: group, entries: entries});
    });
    return groups;
  }

  function chosenFromAddress(known) {
    const value = new URLSearchParams(window.location.search).get("s") || "";
    return value.split(",").filter(function (id) {
      return known.has(id);
    });
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function start(data) {
    const titles = new Map(data.situations.map(function (situation) {
      return [situation.id, situation.title];
    }));
    const groups = buildPlan(data);
    const fromAddress = new Set(chosenFromAddress(titles));
    checkboxes.forEach(function (box) {
      box.checked = fromAddress.has(box.value);
    });

    function update() {
      const chosen = checkboxes.filter(function (box) {
        return box.checked;
      }).map(function (box) {
        return box.value;
      });
      const wanted = new Set(chosen);
      let shown = 0;
      groups.forEach(function (stage) {
        let anyShown = false;
        stage.entries.forEach(function (entry) {
          const show = chosen.length > 0 && (entry.everyPlan || entry.situations.some(function (id) {
            return wanted.has(id);
          }));
          entry.item.hidden = !show;
          anyShown = anyShown || show;
          shown += show ? 1 : 0;
        });
        stage.group.hidden = !anyShown;
      });
      if (chosen.length === 0) {
        status.textContent = "Tick one or more boxes above. Your plan will appear here.";
      } else {
        const names = chosen.map(function (id) {
          return "\u201c" + titles.get(id) + "\u201d";
        });
        const last = names.pop();
        const situations = names.length ? names.join(", ") + " and " + last : last;
        status.textContent = plural(shown, "tip") + " for " + situations + ". Take them in this order.";
      }
      printButton.hidden = chosen.length === 0;
      root.classList.toggle("ir-guide--has-plan", chosen.length > 0);
      jump.textContent = chosen.length ? "Go to your plan (" + plural(shown, "tip") + ")" : "Go to your plan";
      const url = new URL(window.location.href);
      url.search = chosen.length ? "?s=" + chosen.join(",") : "";
      window.history.replaceState(window.history.state, "", url.href);
      url.hash = "";
      address.textContent = "Your plan from Interview Rebound, online: " + url.href;
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    tools.onAction(plan, {});  /* the print button */
    update();
    root.classList.add("ir-guide--ready");
    tools.enhance(root);  /* shows the form and the plan, hides the plain list */
  }

  fetch(root.getAttribute("data-ir-knowledge-base"), {credentials: "same-origin"})
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(start, function () {
      /* No data: keep the plain list of every situation, which works without this script. */
    });
}());

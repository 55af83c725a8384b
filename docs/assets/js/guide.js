/* The "What happened?" guide (docs/guide.md).

   The reader finds their situations (a filter box matches titles, descriptions and the words
   readers use), ticks them, and gets a plan: the tips tagged with those situations and the few
   steps every plan carries. The plan opens short, with at most `first_steps` steps, the most
   specific first (written for a chosen situation, then tagged with one, then the shared steps),
   the best of each stage taken first; the rest wait behind "Show more". It ends with the tools
   that fit: the note to send, the worksheet, the checklist and, when called for, the help page.
   macros/render/guide.py holds the same rule for the page without JavaScript; tests/test_guide.py
   checks that both agree.

   Data: the build writes small files under assets/guide/ (macros/render/guide.py): index.json, read
   at once, and one file per situation, read when it is ticked. So the first load does not grow
   with the tips. This script holds no advice.

   The choice lives in the address (?s=blank-mind,nerves#plan), so a plan can be bookmarked,
   shared and reloaded; nothing is stored on the device. If this script or the index cannot
   load, the page goes back to its plain list: every situation with its first steps. Needs shared.js first. */
(function () {
  "use strict";

  const tools = window.InterviewRebound;
  const root = document.querySelector("[data-ir-guide]");
  if (!tools || !root || !window.fetch || !window.Promise) {
    return;
  }
  const element = tools.element;
  const indexUrl = root.getAttribute("data-ir-guide-index");
  const dataUrl = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);  /* the situations' files sit beside it */
  const form = root.querySelector("[data-ir-guide-form]");
  const filter = form.querySelector("[data-ir-filter]");
  const matches = form.querySelector("[data-ir-matches]");
  const noMatch = form.querySelector("[data-ir-no-match]");
  const choices = Array.from(form.querySelectorAll("[data-ir-choice]"));
  const groups = Array.from(form.querySelectorAll("[data-ir-group]"));
  const checkboxes = Array.from(form.querySelectorAll("input[type=checkbox][name=s]"));
  const count = form.querySelector("[data-ir-count]");
  const toPlan = form.querySelector("[data-ir-to-plan]");
  const plan = root.querySelector("[data-ir-plan]");
  const status = plan.querySelector("[data-ir-plan-status]");
  const body = plan.querySelector("[data-ir-plan-body]");
  const firstList = plan.querySelector("[data-ir-plan-first]");
  const more = plan.querySelector("[data-ir-plan-more]");
  const moreLabel = plan.querySelector("[data-ir-more-label]");
  const restList = plan.querySelector("[data-ir-plan-rest]");
  const noteTool = plan.querySelector('[data-ir-tool="note"]');
  const helpTool = plan.querySelector('[data-ir-tool="help"]');
  const shareButton = plan.querySelector('[data-ir-action="share"]');
  const address = plan.querySelector("[data-ir-plan-address]");
  const SHARED = 2;

  function plural(number, word) {
    return number + " " + word + (number === 1 ? "" : "s");
  }

  function tipLink(tip) {
    return root.getAttribute("data-ir-tip-url").replace("{theme}", encodeURIComponent(tip.theme)).replace("{id}", encodeURIComponent(tip.id));
  }

  function noteLink(note) {
    return root.getAttribute("data-ir-notes-url") + "#note-" + encodeURIComponent(note.id);
  }

  function getJson(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  /* ---- finding a situation ---- */

  /* What the filter searches: the situation's title, its description and the words readers use for it. */
  choices.forEach(function (choice) {
    choice.searchText = [".ir-guide__label", ".ir-guide__hint", "[data-ir-words]"].map(function (selector) {
      return choice.querySelector(selector).textContent.replace(/^Also known as: /, "");
    }).join(" | ").toLowerCase();
  });

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9'\u00c0-\u024f-]+/).filter(Boolean);
  }

  /* A typed word matches the start of a word in the text: "stammer" finds "stammered", but "trans"
     does not find "translation". */
  function startsAWord(haystack, word) {
    let at = haystack.indexOf(word);
    while (at !== -1) {
      if (at === 0 || !/[a-z0-9\u00c0-\u024f]/.test(haystack.charAt(at - 1))) {
        return true;
      }
      at = haystack.indexOf(word, at + 1);
    }
    return false;
  }

  function applyFilter() {
    const wanted = words(filter.value);
    let shown = 0;
    choices.forEach(function (choice) {
      const haystack = choice.searchText;
      const show = wanted.every(function (word) {
        return startsAWord(haystack, word);
      });
      choice.hidden = !show;
      shown += show ? 1 : 0;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-ir-choice]:not([hidden])");
    });
    noMatch.hidden = !(wanted.length && shown === 0);
    if (!wanted.length) {
      matches.textContent = "";
    } else if (shown === 0) {
      matches.textContent = "Nothing matches \u201c" + filter.value.trim() + "\u201d. Try another word, or clear the box to see every situation.";
    } else {
      matches.textContent = plural(shown, "situation") + " match \u201c" + filter.value.trim() + "\u201d.";
    }
  }

  /* ---- the plan ---- */

  /* Every tip of the plan for these situations, with its rank (lower is more specific), in site order. */
  function rankedTips(index, files) {
    const byId = new Map();
    /* brought: in the plan only because another tip brings it (macros/render/guide.py, own_ranks) */
    function add(tip, rank, brought) {
      const known = byId.get(tip.id);
      if (!known || rank < known.rank) {
        byId.set(tip.id, {tip: tip, rank: rank, brought: known ? known.brought && brought : brought});
      }
    }
    files.forEach(function (file) {
      file.tips.forEach(function (tip) {
        add(tip, tip.rank, false);
      });
    });
    const shared = new Map(index.shared.map(function (tip) {
      return [tip.id, tip];
    }));
    index.shared.forEach(function (tip) {
      if (tip.every_plan) {
        add(tip, SHARED, false);
      }
    });
    Array.from(byId.values()).forEach(function (entry) {
      (entry.tip.brings || []).forEach(function (id) {
        const brought = byId.has(id) ? byId.get(id).tip : shared.get(id);
        if (brought) {
          add(brought, entry.rank, true);
        }
      });
    });
    return Array.from(byId.values()).sort(function (a, b) {
      return a.tip.order - b.tip.order;
    });
  }

  /* The first steps and the rest (macros/render/guide.py, split_plan, is the same rule). */
  function splitPlan(index, ranked) {
    /* A tip that is in the plan only because another brings it comes in with that tip, never before it. */
    const byRank = ranked.filter(function (entry) {
      return !entry.brought;
    }).sort(function (a, b) {
      return a.rank - b.rank || a.tip.order - b.tip.order;
    });
    const picked = [];
    function pick(tip) {
      const needed = (tip.brings || []).concat([tip.id]).filter(function (id) {
        return picked.indexOf(id) === -1;
      });
      if (picked.length + needed.length <= index.first_steps) {
        Array.prototype.push.apply(picked, needed);
      }
    }
    index.stages.forEach(function (stage) {
      const best = byRank.find(function (entry) {
        return entry.tip.stage === stage.id && entry.rank < SHARED;
      });
      if (best) {
        pick(best.tip);
      }
    });
    const note = bestNote(index, new Map(ranked.map(function (entry) {
      return [entry.tip.id, entry.rank];
    })), null);
    if (note) {  // then the step that introduces the plan's note (or the tip that brings it)
      pick(byRank.find(function (entry) {
        return entry.tip.id === note.tips[0] || (entry.tip.brings || []).indexOf(note.tips[0]) !== -1;
      }).tip);
    }
    byRank.forEach(function (entry) {
      pick(entry.tip);
    });
    return {
      first: ranked.filter(function (entry) {
        return picked.indexOf(entry.tip.id) !== -1;
      }),
      rest: ranked.filter(function (entry) {
        return picked.indexOf(entry.tip.id) === -1;
      })
    };
  }

  /* The note that fits best, among those for one tip if given (macros/render/guide.py, best_note). */
  function bestNote(index, ranks, tipId) {
    let best = null;
    index.notes.forEach(function (note, position) {
      /* A note fits when its first tip, the step it was written for, is in the plan. */
      if (!ranks.has(note.tips[0]) || (tipId && note.tips.indexOf(tipId) === -1)) {
        return;
      }
      const inPlan = note.tips.filter(function (id) {
        return ranks.has(id);
      });
      const key = [ranks.get(note.tips[0]), note.tips.length - inPlan.length, position];
      if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && (key[1] < best.key[1] || (key[1] === best.key[1] && key[2] < best.key[2])))) {
        best = {key: key, note: note};
      }
    });
    return best ? best.note : null;
  }

  function renderStages(list, index, entries, ranks) {
    list.replaceChildren();
    index.stages.forEach(function (stage) {
      const inStage = entries.filter(function (entry) {
        return entry.tip.stage === stage.id;
      });
      if (!inStage.length) {
        return;
      }
      const group = element("li", "ir-plan__stage");
      group.append(element("h3", "ir-plan__stage-title", stage.title));
      const tips = element("ul", "ir-plan__tips");
      inStage.forEach(function (entry) {
        const tip = entry.tip;
        const item = element("li", "ir-plan__tip");
        const link = element("a", "ir-plan__tip-title", tip.title);
        link.href = tipLink(tip);
        item.append(link, element("p", "ir-plan__tip-summary", tip.summary));
        const note = bestNote(index, ranks, tip.id);
        if (note) {
          const line = element("p", "ir-plan__note", "What to write: ");
          const anchor = element("a", "ir-plan__note-link", note.title);
          anchor.href = noteLink(note);
          line.append(anchor);
          item.append(line);
        }
        tips.append(item);
      });
      group.append(tips);
      list.append(group);
    });
  }

  function planAddress(chosen) {
    const url = new URL(window.location.href);
    url.search = chosen.length ? "?s=" + chosen.join(",") : "";
    url.hash = chosen.length ? "plan" : "";
    return url.href;
  }

  /* Shows the form at once, before any data arrives, so the page does not jump about as it loads;
     the plan waits for the index (indexReady) and the ticked situations' files. */
  function start(indexReady) {
    const files = new Map();
    let latest = 0;

    function fileFor(id) {
      if (!files.has(id)) {
        files.set(id, getJson(dataUrl + encodeURIComponent(id) + ".json").catch(function (error) {
          files.delete(id);
          throw error;
        }));
      }
      return files.get(id);
    }

    function chosenIds() {
      return checkboxes.filter(function (box) {
        return box.checked;
      }).map(function (box) {
        return box.value;
      });
    }

    function show(index, chosen, loaded) {
      function titleOf(id) {
        return document.getElementById("guide-" + id).labels[0].textContent;
      }
      const ranked = rankedTips(index, loaded);
      const ranks = new Map(ranked.map(function (entry) {
        return [entry.tip.id, entry.rank];
      }));
      const parts = splitPlan(index, ranked);
      renderStages(firstList, index, parts.first, ranks);
      renderStages(restList, index, parts.rest, ranks);
      more.hidden = parts.rest.length === 0;
      moreLabel.textContent = "Show " + plural(parts.rest.length, "more step");
      const note = bestNote(index, ranks, null);
      noteTool.hidden = !note;
      if (note) {
        const link = noteTool.querySelector("a");
        link.href = noteLink(note);
        link.textContent = note.title;
      }
      helpTool.hidden = !(chosen.some(function (id) {
        return index.get_help.indexOf(id) !== -1;
      }) || ranked.some(function (entry) {
        return entry.tip.get_help && entry.rank < SHARED;  /* not for a shared step: every plan has those */
      }));
      const names = chosen.map(function (id) {
        return "\u201c" + titleOf(id) + "\u201d";
      });
      const last = names.pop();
      const situations = names.length ? names.join(", ") + " and " + last : last;
      status.textContent = "For " + situations + ": " + plural(ranked.length, "step") +
        (parts.rest.length ? ". Start with these " + parts.first.length + "." : ", in order.");
      body.hidden = false;
      count.textContent = "Your plan: " + plural(ranked.length, "step") + ".";
      toPlan.hidden = false;
      root.classList.add("ir-guide--has-plan");
      address.textContent = "Reopen this plan online: " + planAddress(chosen);
    }

    function update(scrollToPlan) {
      const chosen = chosenIds();
      const url = new URL(window.location.href);
      url.search = chosen.length ? "?s=" + chosen.join(",") : "";
      if (!chosen.length && url.hash === "#plan") {
        url.hash = "";
      }
      window.history.replaceState(window.history.state, "", url.href);
      latest += 1;
      const request = latest;
      if (!chosen.length) {
        body.hidden = true;
        status.textContent = "Tick one or more boxes above. Your plan will appear here.";
        count.textContent = "Nothing ticked yet.";
        toPlan.hidden = true;
        root.classList.remove("ir-guide--has-plan");
        return;
      }
      count.textContent = "Making your plan\u2026";
      Promise.all([indexReady, Promise.all(chosen.map(fileFor))]).then(function (data) {
        if (request !== latest) {
          return;  /* a newer tick is on its way */
        }
        show(data[0], chosen, data[1]);
        if (scrollToPlan) {
          plan.scrollIntoView();
        }
      }, function () {
        if (request === latest) {
          count.textContent = "Sorry, your plan could not load. Check your connection and tick again.";
        }
      });
    }

    const fromAddress = new Set((new URLSearchParams(window.location.search).get("s") || "").split(","));
    checkboxes.forEach(function (box) {
      box.checked = fromAddress.has(box.value);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "s") {
        update(false);
      }
    });
    filter.addEventListener("input", applyFilter);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    shareButton.hidden = typeof navigator.share !== "function";
    tools.onAction(plan, {
      copy: function () {
        tools.copyText(planAddress(chosenIds())).then(function (copied) {
          tools.announce(plan, copied ? "Link copied. Paste it into a message or a note to keep this plan." :
            "Your browser did not let us copy. Copy the address from the address bar instead.");
        });
      },
      share: function () {
        navigator.share({title: "My plan after a hard interview", url: planAddress(chosenIds())}).catch(function () {
          /* the reader closed the share sheet: nothing to do */
        });
      }
    });
    /* The printed plan holds every step, the folded ones too. */
    let wasOpen = false;
    window.addEventListener("beforeprint", function () {
      wasOpen = more.open;
      more.open = true;
    });
    window.addEventListener("afterprint", function () {
      more.open = wasOpen;
    });
    root.classList.add("ir-guide--ready");
    tools.enhance(root);  /* shows the form and the plan, hides the plain list */
    applyFilter();
    update(window.location.hash === "#plan");
    /* A search result for a situation lands on its part of the plain list (#situation-<id>, or the
       heading's #situation-<id>-title, as the site search links it): show its box instead. */
    function focusFromAddress() {
      const situation = /^#situation-(.+?)(?:-title)?$/.exec(window.location.hash);
      const box = situation && document.getElementById("guide-" + decodeURIComponent(situation[1]));
      if (box) {
        box.scrollIntoView({block: "center"});
        box.focus();
      }
    }
    /* after the browser's own jump to the address's #part, which comes once the page has loaded */
    if (document.readyState === "complete") {
      focusFromAddress();
    } else {
      window.addEventListener("load", focusFromAddress);
    }
  }

  /* No index: back to the plain list, each situation with its first steps, which works without this script. */
  function plainList() {
    tools.each(root.querySelectorAll("[data-ir-needs-js]"), function (part) {
      part.hidden = true;
    });
    tools.each(root.querySelectorAll("[data-ir-without-js]"), function (part) {
      part.hidden = false;
    });
    root.classList.remove("ir-guide--ready", "ir-guide--has-plan");
    document.documentElement.classList.remove("ir-js");  /* see overrides/main.html */
  }

  const indexReady = getJson(indexUrl);
  indexReady.catch(plainList);
  start(indexReady);
}());

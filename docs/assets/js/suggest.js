/* Interview Rebound: the "Suggest a tip" page.
 *
 * Checks the tip as the reader types, with the limits and rule texts the build publishes in
 * api/v1/rules.json (from schema/tip.schema.json and macros/rules.py), and counts reading ease
 * exactly as macros/style.py does. Shows a preview with the classes of a tip on its theme page,
 * and keeps the "Propose on GitHub" link up to date: GitHub's new-file page, prefilled with the
 * tip as YAML. Every string is written as a YAML double-quoted scalar, so the file reads back as
 * exactly the text typed. Nothing typed is stored, and nothing leaves the browser until the
 * reader follows that link. tests/test_suggest.py holds it to `make check`.
 */
(function () {
  "use strict";

  const MAX_ADDRESS_BYTES = 8000;  // GitHub and browsers refuse much longer addresses

  /* ---- Text as Python's re and str see it (macros/style.py runs on Python) ---------------- */

  // str.isspace() and re's \s: JavaScript's \s differs (\x1c-\x1f, \x85, \ufeff).
  const PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const SPACES = new RegExp("[" + PY_SPACE + "]+", "u");
  const EDGE_SPACES = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "gu");
  const WORD_CHAR = /[\p{L}\p{N}_]/u;  // re's \w
  const PUNCTUATION = new RegExp("[^\\p{L}\\p{N}_" + PY_SPACE + "]", "gu");
  const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
  const SENTENCE_END = new RegExp("(?<=[.!?])[\"')\\]]*[" + PY_SPACE + "]+", "u");
  const WORD = /[A-Za-z0-9'\u2019]+/g;
  const HTML_TAG = new RegExp("</?[A-Za-z][A-Za-z0-9]*([" + PY_SPACE + "][^<>]*)?/?>", "u");
  const NOT_SPACE = "[^" + PY_SPACE + "]";
  const LINK_TARGET = new RegExp("\\]\\([" + PY_SPACE + "]*<?([^)" + PY_SPACE + ">]*)" +
    "|<((?:https?|mailto|javascript|data):[^>" + PY_SPACE + "]*)>" +
    "|(?<![\\p{L}\\p{N}_])((?:https?|javascript|data):" + NOT_SPACE + "+)", "giu");
  const RUN_TOGETHER = new RegExp("[.!?:][" + PY_SPACE + "]+[-*+][" + PY_SPACE + "]+" + NOT_SPACE +
    "|\\n[" + PY_SPACE + "]*[-*+][" + PY_SPACE + "]+" + NOT_SPACE, "u");
  const LETTERS = /[A-Za-z]/g;

  function pySplit(text) {
    return text.split(SPACES).filter(Boolean);
  }

  function pyStrip(text) {
    return text.replace(EDGE_SPACES, "");
  }

  function characters(text) {
    return Array.from(text);  // code points, as Python counts len()
  }

  // Python's round-half-even "{:.0f}" of a float.
  function wholeNumber(value) {
    const floor = Math.floor(value);
    const rest = value - floor;
    const whole = rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
    return (whole === 0 && value < 0 ? "-" : "") + String(whole === 0 ? 0 : whole);
  }

  // style.py's _round: half away from zero.
  function round(number, points) {
    const scale = Math.pow(10, points);
    const half = number < 0 || Object.is(number, -0) ? -0.5 : 0.5;
    return Math.floor(number * scale + half) / scale;
  }

  /* ---- Reading ease, as style.py (and textstat 0.7.3) compute it ------------------------ */

  let hyphenation = null;

  function setHyphenation(text) {
    const patterns = new Map();
    let longest = 0;
    text.split(" ").forEach(function (pattern) {
      if (!pattern) return;
      const letters = pattern.replace(/[0-9]/g, "");
      patterns.set(letters, pattern);
      longest = Math.max(longest, characters(letters).length);
    });
    hyphenation = { patterns: patterns, longest: longest, levels: new Map(), words: new Map() };
  }

  function levelsOf(pattern) {
    const known = hyphenation.levels.get(pattern);
    if (known) return known;
    const levels = [0];
    characters(pattern).forEach(function (char) {
      if (/[0-9]/.test(char)) levels[levels.length - 1] = Number(char);
      else levels.push(0);
    });
    hyphenation.levels.set(pattern, levels);
    return levels;
  }

  function syllables(word) {
    const known = hyphenation.words.get(word);
    if (known !== undefined) return known;
    const dotted = characters("." + word.toLowerCase() + ".");
    const levels = new Array(dotted.length + 1).fill(0);
    for (let start = 0; start < dotted.length - 1; start += 1) {
      const last = Math.min(start + hyphenation.longest, dotted.length);
      for (let end = start + 1; end <= last; end += 1) {
        const pattern = hyphenation.patterns.get(dotted.slice(start, end).join(""));
        if (pattern) {
          levelsOf(pattern).forEach(function (level, offset) {
            levels[start + offset] = Math.max(levels[start + offset], level);
          });
        }
      }
    }
    const length = characters(word).length;
    let count = 1;
    levels.forEach(function (level, index) {
      const point = index - 1;
      if (level % 2 && point >= 2 && point <= length - 2) count += 1;
    });
    hyphenation.words.set(word, count);
    return count;
  }

  // findall(r"\b[^.!?]+[.!?]*", text), with re's Unicode \b
  function fleschSentences(text) {
    const chars = characters(text);
    const isWord = function (index) {
      return index >= 0 && index < chars.length && WORD_CHAR.test(chars[index]);
    };
    const isEnd = function (char) {
      return char === "." || char === "!" || char === "?";
    };
    const found = [];
    let index = 0;
    while (index < chars.length) {
      if (!isEnd(chars[index]) && isWord(index - 1) !== isWord(index)) {
        let end = index;
        while (end < chars.length && !isEnd(chars[end])) end += 1;
        while (end < chars.length && isEnd(chars[end])) end += 1;
        found.push(chars.slice(index, end).join(""));
        index = end;
      } else {
        index += 1;
      }
    }
    return found;
  }

  function readingEase(text) {
    let words = pySplit(text.replace(PUNCTUATION, ""));
    let wordsPerSentence = 0;
    let syllablesPerWord = 0;
    if (words.length) {
      const found = fleschSentences(text);
      const short = found.filter(function (sentence) {
        return pySplit(sentence.replace(PUNCTUATION, "")).length <= 2;
      }).length;
      wordsPerSentence = round(words.length / Math.max(1, found.length - short), 1);
      let total = 0;
      pySplit(text.toLowerCase().replace(PUNCTUATION, "")).forEach(function (word) {
        total += syllables(word);
      });
      syllablesPerWord = round(total / words.length, 1);
    }
    return round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord, 2);
  }

  function plain(text) {
    return text.replace(MARKDOWN_LINK, function (whole, words) {
      return words;
    }).replace(/\*/g, "").replace(/_/g, " ").replace(/`/g, "");
  }

  function sentences(text) {
    return pyStrip(plain(text)).split(SENTENCE_END).filter(Boolean);
  }

  function wordCount(text) {
    return (text.match(WORD) || []).length;
  }

  /* ---- The id, as macros/new_tip.py's tip_id_from_title makes it -------------------------- */

  function tipId(title, maxLength) {
    let text = title.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    text = text.replace(/&/g, " and ").replace(/['\u2019]/g, "");
    let words = text.match(/[a-z0-9]+/g) || [];
    let id = "";
    for (let index = 0; index < words.length; index += 1) {
      const candidate = id ? id + "-" + words[index] : words[index];
      if (candidate.length > maxLength) break;
      id = candidate;
    }
    return id || words.join("-").slice(0, maxLength).replace(/^-+|-+$/g, "");
  }

  /* ---- YAML: every string double-quoted, so it reads back exactly --------------------------- */

  function hex(code, digits) {
    let text = code.toString(16).toUpperCase();
    while (text.length < digits) text = "0" + text;
    return text;
  }

  const NAMED_ESCAPES = { "\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0" };

  function quoted(text) {
    let out = "\"";
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      const code = text.charCodeAt(index);
      if (NAMED_ESCAPES[char]) {
        out += NAMED_ESCAPES[char];
      } else if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) {
        out += "\\x" + hex(code, 2);
      } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length &&
                 text.charCodeAt(index + 1) >= 0xdc00 && text.charCodeAt(index + 1) <= 0xdfff) {
        out += char + text.charAt(index + 1);  // a whole character beyond U+FFFF
        index += 1;
      } else if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x2000 && code <= 0x200f) ||
                 (code >= 0x2028 && code <= 0x202f) || (code >= 0x2060 && code <= 0x206f) ||
                 code === 0x1680 || code === 0x3000 || code === 0xfeff || code >= 0xfff0) {
        // hidden, unusual or lone characters: written as escapes, so they show in the file
        out += "\\u" + hex(code, 4);
      } else {
        out += char;
      }
    }
    return out + "\"";
  }

  function tipYaml(tip) {
    const lines = ["# yaml-language-server: $schema=../../schema/tip.schema.json", "id: " + quoted(tip.id)];
    lines.push("title: " + quoted(tip.title), "summary: " + quoted(tip.summary), "why: " + quoted(tip.why));
    const list = function (name, items) {
      if (!items.length) {
        lines.push(name + ": []");
        return;
      }
      lines.push(name + ":");
      items.forEach(function (item) {
        lines.push("  - " + quoted(item));
      });
    };
    list("steps", tip.steps);
    if (tip.avoid.length) list("avoid", tip.avoid);
    if (tip.theme) lines.push("theme: " + quoted(tip.theme));
    if (tip.stage) lines.push("stage: " + quoted(tip.stage));
    if (tip.situations.length) list("situations", tip.situations);
    if (!tip.sources.length) {
      lines.push("sources: []");
    } else {
      lines.push("sources:");
      tip.sources.forEach(function (citation) {
        lines.push("  - id: " + quoted(citation.id), "    says: " + quoted(citation.says));
      });
    }
    lines.push("last_reviewed: " + quoted(tip.last_reviewed));
    return lines.join("\n") + "\n";
  }

  /* ---- The checks, with make check's codes and words ---------------------------------------- */

  function checkTip(tip, rules) {
    const problems = [];
    const limits = rules.limits;
    const add = function (code, where, message, fix) {
      problems.push({ code: code, where: where, message: message, fix: fix || rules.rules[code].fix });
    };
    const hidden = new RegExp(rules.hidden_characters, "u");
    const control = new RegExp(rules.control_characters, "u");

    function text(where, value, limit) {
      const length = characters(value).length;
      if (length < (limit.minLength || 0)) {
        add("E205", where, "is empty", "Fill in the field, or delete the line if the field is optional.");
      } else if (limit.maxLength && length > limit.maxLength) {
        add("E205", where, "is " + length + " characters long; the limit is " + limit.maxLength,
          "Shorten the text to " + limit.maxLength + " characters or fewer.");
      }
      if (hidden.test(value)) add("E208", where, "contains a hidden or direction-changing character");
      else if (control.test(value)) add("E208", where, "contains a control character");
    }

    function items(name, entry, values, limit) {
      if (values.length < limit.minItems) {
        add("E206", name, "has " + values.length + " item" + (values.length === 1 ? "" : "s") +
          "; it needs at least " + limit.minItems, "Add items until the list has at least " + limit.minItems + ".");
      } else if (limit.maxItems && values.length > limit.maxItems) {
        add("E206", name, "has " + values.length + " items; it needs at most " + limit.maxItems,
          "Keep the list to " + limit.maxItems + " items or fewer: merge or drop one.");
      }
      values.forEach(function (value, index) {
        text(entry + " " + (index + 1), value, limit.item);
      });
    }

    text("title", tip.title, limits.title);
    text("summary", tip.summary, limits.summary);
    text("why", tip.why, limits.why);
    items("steps", "step", tip.steps, limits.steps);
    if (tip.avoid.length) items("avoid", "avoid item", tip.avoid, limits.avoid);
    ["theme", "stage"].forEach(function (name) {
      if (!tip[name]) add("E201", "", "missing required field '" + name + "'");
    });
    tip.sources.forEach(function (citation, index) {
      text("source " + (index + 1) + ", says", citation.says, limits.says);
    });
    if (rules.tips.indexOf(tip.id) !== -1) {
      add("E302", "id", "a tip with the id '" + tip.id + "' already exists", "Improve that tip instead, or " +
        "choose a title that says something different.");
    }
    if (!tip.sources.length) add("E310", "sources", "no source supports this tip");
    if (!tip.situations.length) add("E314", "id", "no plan in the guide leads to this tip");

    // Writing style (S4xx), as style.py's style_problems runs it on a tip
    const style = rules.style;
    const links = {};
    tip.sources.forEach(function (citation) {
      links[rules.sources[citation.id].url] = true;
    });
    const fields = [["title", tip.title], ["summary", tip.summary], ["why", tip.why]];
    tip.steps.forEach(function (step, index) {
      fields.push(["step " + (index + 1), step, true]);
    });
    tip.avoid.forEach(function (item, index) {
      fields.push(["avoid item " + (index + 1), item, true]);
    });

    function longSentences(where, value) {
      sentences(value).forEach(function (sentence) {
        let count = wordCount(sentence);
        if (count > style.max_sentence_words) {
          add("S401", where, "sentence of " + count + " words (limit " + style.max_sentence_words + "): \"" +
            pySplit(sentence).slice(0, 6).join(" ") + " ...\"");
        }
      });
    }

    function slips(where, value, allowed, listItem) {
      const tag = value.match(HTML_TAG);
      if (tag) add("S406", where, "contains the HTML tag " + characters(tag[0]).slice(0, 40).join(""));
      LINK_TARGET.lastIndex = 0;
      let match;
      while ((match = LINK_TARGET.exec(value)) !== null) {
        const target = [match[1], match[2], match[3]].filter(function (group) {
          return group !== undefined;
        })[0];
        if (!allowed[target]) {
          add("S407", where, "links to " + (characters(target).slice(0, 80).join("") || "nothing") +
            ", which is not a source this tip cites");
        }
        if (match[0] === "") LINK_TARGET.lastIndex += 1;
      }
      if (listItem && RUN_TOGETHER.test(value)) {
        add("S408", where, where.replace(/ item /, " ") + " looks like two items run together");
      }
    }

    function shouting(where, value) {
      const letters = value.match(LETTERS) || [];
      const capitals = letters.filter(function (letter) {
        return letter !== letter.toLowerCase();
      }).length;
      if (letters.length >= 8 && capitals * 2 > letters.length) add("S405", where, "is written in capital letters");
    }

    fields.forEach(function (field) {
      longSentences(field[0], field[1]);
      slips(field[0], field[1], links, field[2]);
    });
    shouting("title", tip.title);
    shouting("summary", tip.summary);
    if (sentences(tip.summary).length > 1) add("S404", "summary", "summary has more than one sentence");
    if (hyphenation) {
      const whole = fields.map(function (field) {
        return plain(field[1]).replace(/[.!?]+$/, "") + ".";
      }).join(" ");
      const ease = readingEase(whole);
      if (ease < style.min_reading_ease) {
        add("S402", "id", "reading ease is " + wholeNumber(ease) + "; it needs to be " + style.min_reading_ease +
          " or more");
      }
    }
    tip.sources.forEach(function (citation, index) {
      const where = "source " + (index + 1) + ", says";
      longSentences(where, citation.says);
      slips(where, citation.says, {}, false);
    });
    return problems;
  }

  /* ---- The page ------------------------------------------------------------------------------ */

  const tools = window.InterviewRebound;  // shared.js, loaded before this script
  const root = document.querySelector("[data-ir-suggest]");
  // The checks, for tests/test_suggest.py, which holds them to style.py and the checker.
  tools.suggest = {
    readingEase: function (text) {
      return hyphenation ? readingEase(text) : null;
    },
    tipId: tipId,
    quoted: quoted
  };
  if (!root) return;
  const each = tools.each;
  const element = tools.element;

  const form = root.querySelector("[data-ir-suggest-form]");
  const verdict = root.querySelector("[data-ir-verdict]");
  const problemList = root.querySelector("[data-ir-problems]");
  const preview = root.querySelector("[data-ir-preview]");
  const propose = root.querySelector("[data-ir-propose]");
  const linkArea = root.querySelector("[data-ir-link-area]");
  const noTitle = root.querySelector("[data-ir-no-title]");
  const fallback = root.querySelector("[data-ir-fallback]");
  const newFile = root.querySelector("[data-ir-new-file]");
  const fileName = root.querySelector("[data-ir-filename]");
  const repository = root.getAttribute("data-ir-repository").replace(/\/+$/, "");
  let rules = null;
  const current = { yaml: "", path: "" };

  function field(name) {
    return form.querySelector('[data-ir-field="' + name + '"]');
  }

  function lines(value) {
    return value.split("\n").filter(function (line) {
      return pyStrip(line) !== "";
    });
  }

  function today() {
    return new Date().toISOString().slice(0, 10);  // UTC, as the checks on GitHub count days
  }

  function readForm() {
    const tip = {
      title: field("title").value,
      summary: field("summary").value,
      why: field("why").value,
      steps: lines(field("steps").value),
      avoid: lines(field("avoid").value),
      theme: field("theme").value,
      stage: field("stage").value,
      situations: [],
      sources: [],
      last_reviewed: today()
    };
    tip.id = rules ? tipId(tip.title, rules.limits.id.maxLength) : "";
    each(form.querySelectorAll('input[name="situations"]:checked'), function (box) {
      tip.situations.push(box.value);
    });
    each(form.querySelectorAll('input[name="sources"]'), function (box) {
      let says = form.querySelector('[data-ir-says-for="' + box.value + '"]');
      if (says) says.hidden = !box.checked;
      if (box.checked) {
        tip.sources.push({ id: box.value, says: form.querySelector('[data-ir-says="' + box.value + '"]').value });
      }
    });
    return tip;
  }

  function showProblems(problems) {
    problemList.textContent = "";
    problems.forEach(function (problem) {
      const item = element("li", "ir-suggest__problem");
      item.setAttribute("data-ir-code", problem.code);
      item.setAttribute("data-ir-problem", problem.code + " " + (problem.where ? problem.where + ": " : "") +
        problem.message);
      item.appendChild(element("code", "", problem.code));
      item.appendChild(document.createTextNode(" " + (problem.where ? problem.where + ": " : "") + problem.message));
      item.appendChild(element("span", "ir-suggest__fix", "Fix: " + problem.fix));
      problemList.appendChild(item);
    });
    let count = problems.length;
    verdict.textContent = count === 0 ? "No problems found: the tip passes the checks." :
      count + (count === 1 ? " thing" : " things") + " to fix before you propose the tip:";
    verdict.setAttribute("data-ir-count", String(count));
  }

  // A list element (ol or ul) with one item for each text, set as plain text.
  function listOf(tag, texts) {
    const list = element(tag);
    texts.forEach(function (text) {
      list.appendChild(element("li", "", text));
    });
    return list;
  }

  function showPreview(tip) {
    const article = element("article", "ir-tip");
    article.appendChild(element("h2", "ir-tip__title", tip.title || "Your title"));
    article.appendChild(element("p", "ir-tip__summary", tip.summary || "Your summary."));
    const when = element("p", "ir-tip__when", "When: ");
    when.appendChild(element("span", "", tip.stage ? rules.stages[tip.stage] : "choose a stage"));
    article.appendChild(when);
    const why = element("div", "ir-tip__why");
    tip.why.split(/\n[ \t]*\n/).forEach(function (paragraph) {
      if (pyStrip(paragraph)) why.appendChild(element("p", "", paragraph));
    });
    article.appendChild(why);
    const doDont = element("div", "ir-do-dont");
    const doing = element("div", "ir-do");
    doing.appendChild(element("h3", "", "What to do"));
    doing.appendChild(listOf("ol", tip.steps));
    doDont.appendChild(doing);
    if (tip.avoid.length) {
      const dont = element("div", "ir-dont");
      dont.appendChild(element("h3", "", "Avoid"));
      dont.appendChild(listOf("ul", tip.avoid));
      doDont.appendChild(dont);
    }
    article.appendChild(doDont);
    const footer = element("footer", "ir-tip__meta");
    const count = tip.sources.length;
    const publishers = tip.sources.map(function (citation) {
      return rules.sources[citation.id].publisher;
    });
    /* As macros/templates/tip.html: the count, then each publisher once, with its number of articles. */
    footer.appendChild(element("p", "ir-tip__sources", count + " source" + (count === 1 ? "" : "s") + " give" +
      (count === 1 ? "s" : "") + " this advice:"));
    const articles = new Map();
    publishers.forEach(function (publisher) {
      articles.set(publisher, (articles.get(publisher) || 0) + 1);
    });
    const names = element("ul", "ir-tip__publishers");
    articles.forEach(function (number, publisher) {
      names.appendChild(element("li", "", publisher + (number > 1 ? " (" + number + " articles)" : "")));
    });
    footer.appendChild(names);
    const details = element("details", "ir-tip__evidence");
    details.open = true;
    details.appendChild(element("summary", "ir-tip__evidence-label", "What each source says"));
    const evidence = element("ul", "ir-evidence");
    tip.sources.forEach(function (citation, index) {
      evidence.appendChild(element("li", "", publishers[index] + ": " + citation.says));
    });
    details.appendChild(evidence);
    footer.appendChild(details);
    article.appendChild(footer);
    preview.textContent = "";
    preview.appendChild(article);
  }

  function showLink(tip) {
    const hasId = Boolean(tip.id);
    noTitle.hidden = hasId;
    current.path = hasId ? "data/tips/" + tip.id + ".yaml" : "";
    current.yaml = tipYaml(tip);
    fileName.textContent = current.path || "data/tips/….yaml";
    const base = repository + "/new/main?filename=" + encodeURIComponent(current.path).replace(/%2F/g, "/");
    const address = base + "&value=" + encodeURIComponent(current.yaml);
    const tooLong = address.length >= MAX_ADDRESS_BYTES;  // encoded, so one character is one byte
    linkArea.hidden = !hasId || tooLong;
    fallback.hidden = !hasId || !tooLong;
    propose.href = hasId && !tooLong ? address : repository + "/new/main";
    newFile.href = base;
  }

  function update() {
    const tip = readForm();
    if (!rules) return;
    showProblems(checkTip(tip, rules));
    showPreview(tip);
    showLink(tip);
  }

  /* Copy and Download, for a tip too long to send in a link */
  tools.onAction(root, {
    copy: function () {
      if (!current.path) return;
      tools.copyText(current.yaml).then(function (copied) {
        tools.announce(root, copied ? "The tip file is copied. Paste it into GitHub's new file page and name the file " +
          current.path + "." : "Your browser did not const this page copy. Download the file instead.");
      });
    },
    download: function () {
      if (!current.path) return;
      const name = current.path.split("/").pop();
      tools.downloadText(current.yaml, name, "text/yaml");
      tools.announce(root, "The tip file is downloading as " + name + ". Upload it to " +
        current.path.replace(name, "") + " on GitHub.");
    }
  });

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  tools.enhance(root);
  readForm();

  // The rules live beside the open data: a file of this site, fetched once; nothing typed goes with it.
  const request = new XMLHttpRequest();
  request.open("GET", root.getAttribute("data-ir-rules"));
  request.responseType = "json";
  request.onload = function () {
    if (request.status !== 200 || !request.response) {
      verdict.textContent = "The checks could not load. Reload the page to try again.";
      return;
    }
    rules = request.response;
    setHyphenation(rules.hyphenation);
    root.setAttribute("data-ir-ready", "");
    update();
  };
  request.onerror = function () {
    verdict.textContent = "The checks could not load. Reload the page to try again.";
  };
  request.send();
})();

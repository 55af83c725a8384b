/* Interview Rebound: the "Suggest a tip" page.
 *
 * Checks the tip as the reader types, with the limits and rule texts the build publishes in
 * api/v1/rules.json (from schema/tip.schema.json and macros/rules/), and counts reading ease
 * exactly as macros/check/style.py does. Shows a preview with the classes of a tip on its theme page,
 * and keeps the "Propose on GitHub" link up to date: GitHub's new-file page, prefilled with the
 * tip as YAML. Every string is written as a YAML double-quoted scalar, so the file reads back as
 * exactly the text typed. Nothing typed is stored, and nothing leaves the browser until the
 * reader follows that link. tests/test_suggest.py holds it to `make check`.
 */
(function () {
  "use strict";

  const MAX_ADDRESS_BYTES = 8000;  // GitHub and browsers refuse much longer addresses

  /* ---- Text as Python's re and str see it: the patterns come from rules.json ----------------- */

  let pattern = null;  // name -> RegExp, from the patterns check/style.py publishes (set by setRules)

  function pySplit(text) {
    return text.split(pattern.spaces).filter(Boolean);
  }

  function pyStrip(text) {
    return text.replace(pattern.edgeSpaces, "");
  }

  function characters(text) {
    return Array.from(text);  // code points, as Python counts len()
  }

  // Python's str.format for the rule texts: "{name}" replaced by values[name].
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values || {}, name) ? String(values[name]) : whole;
    });
  }

  // Python's round-half-even "{:.0f}" of a float.
  function wholeNumber(value) {
    const floor = Math.floor(value);
    const rest = value - floor;
    const whole = rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
    return (whole === 0 && value < 0 ? "-" : "") + String(whole === 0 ? 0 : whole);
  }

  // check/style.py's _round: half away from zero.
  function round(number, points) {
    const scale = Math.pow(10, points);
    const half = number < 0 || Object.is(number, -0) ? -0.5 : 0.5;
    return Math.floor(number * scale + half) / scale;
  }

  /* ---- Reading ease, as check/style.py (and textstat 0.7.3) compute it ------------------------ */

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

  function fleschSentences(text) {
    return text.match(pattern.fleschSentence) || [];  // re.findall, with re's Unicode \b
  }

  function readingEase(text) {
    const words = pySplit(text.replace(pattern.punctuation, ""));
    let wordsPerSentence = 0;
    let syllablesPerWord = 0;
    if (words.length) {
      const found = fleschSentences(text);
      const short = found.filter(function (sentence) {
        return pySplit(sentence.replace(pattern.punctuation, "")).length <= 2;
      }).length;
      wordsPerSentence = round(words.length / Math.max(1, found.length - short), 1);
      let total = 0;
      pySplit(text.toLowerCase().replace(pattern.punctuation, "")).forEach(function (word) {
        total += syllables(word);
      });
      syllablesPerWord = round(total / words.length, 1);
    }
    return round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord, 2);
  }

  function plain(text) {
    return text.replace(pattern.markdownLink, function (whole, words) {
      return words;
    }).replace(/\*/g, "").replace(/_/g, " ").replace(/`/g, "");
  }

  function sentences(text) {
    return pyStrip(plain(text)).split(pattern.sentenceEnd).filter(Boolean);
  }

  function wordCount(text) {
    return (text.match(pattern.word) || []).length;
  }

  /* ---- The id, as macros/commands/new_tip.py's tip_id_from_title makes it -------------------------- */

  // FNV-1a (32 bits) of the UTF-8 text, in 8 hex digits, as commands/new_tip.py's _short_hash.
  function shortHash(text) {
    let value = 0x811c9dc5;
    new TextEncoder().encode(text).forEach(function (byte) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    });
    return value.toString(16).padStart(8, "0");
  }

  function tipId(title, maxLength) {
    let text = title.normalize("NFKD").replace(/[\u0080-\u{10ffff}]/gu, "").toLowerCase();
    text = text.replace(/&/g, " and ").replace(/'/g, "");
    const words = text.match(/[a-z0-9]+/g) || [];
    let id = "";
    for (let index = 0; index < words.length; index += 1) {
      const candidate = id ? id + "-" + words[index] : words[index];
      if (candidate.length > maxLength) break;
      id = candidate;
    }
    // A title with no Latin letter or digit (Hebrew, Hindi, emoji) still gets a valid id.
    return id || words.join("-").slice(0, maxLength).replace(/^-+|-+$/g, "") ||
      "tip-" + shortHash(pySplit(title).join(" "));
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

  // A new article, as an entry to add at the end of data/sources.yaml.
  function sourceYaml(source) {
    const lines = ["  - id: " + quoted(source.id), "    title: " + quoted(source.title),
      "    publisher: " + quoted(source.publisher)];
    if (source.published) lines.push("    published: " + quoted(source.published));
    lines.push("    url: " + quoted(source.url));
    return lines.join("\n") + "\n";
  }

  /* ---- The checks, with make check's codes and words, all from rules.json ------------------- */

  // problems.py's format_path: ["steps", 1] -> "step 2", ["sources", 0, "says"] -> "source 1, says".
  function formatPath(path, entryNames) {
    const parts = [];
    path.forEach(function (part, index) {
      if (typeof part === "number") {
        const key = index ? path[index - 1] : "";
        const name = entryNames[key] || (key.endsWith("s") ? key.slice(0, -1) : key);
        parts[parts.length - 1] = name + " " + (part + 1);
      } else {
        parts.push(part);
      }
    });
    return parts.join(", ");
  }

  function checkTip(tip, rules, newSource) {
    const problems = [];
    const writing = rules.writing;
    const said = rules.schema_messages;
    const checkSaid = rules.check_messages;
    const add = function (code, path, message, fix) {
      problems.push({ code: code, where: formatPath(path, rules.entry_names), message: message,
        fix: fix || rules.rules[code].fix });
    };
    const schema = function (code, path, name, values) {
      add(code, path, format(said[name][0], values), format(said[name][1], values));
    };

    function text(path, value, limit) {
      const length = characters(value).length;
      if (length < (limit.minLength || 0)) schema("E205", path, "empty");
      else if (limit.maxLength && length > limit.maxLength) {
        schema("E205", path, "too_long", { length: length, limit: limit.maxLength });
      }
      if (pattern.hidden.test(value)) add("E208", path, checkSaid.hidden_character);
      else if (pattern.control.test(value)) add("E208", path, checkSaid.control_character);
    }

    function items(name, values, limit) {
      const count = values.length + " item" + (values.length === 1 ? "" : "s");
      if (values.length < limit.minItems) schema("E206", [name], "too_few", { items: count, limit: limit.minItems });
      else if (limit.maxItems && values.length > limit.maxItems) {
        schema("E206", [name], "too_many", { items: count, limit: limit.maxItems });
      }
      values.forEach(function (value, index) {
        text([name, index], value, limit.item);
      });
    }

    const limits = rules.limits;
    text(["title"], tip.title, limits.title);
    text(["summary"], tip.summary, limits.summary);
    text(["why"], tip.why, limits.why);
    items("steps", tip.steps, limits.steps);
    if (tip.avoid.length) items("avoid", tip.avoid, limits.avoid);
    ["theme", "stage"].forEach(function (name) {
      if (!tip[name]) schema("E201", [], "missing", { field: name });
    });
    tip.sources.forEach(function (citation, index) {
      text(["sources", index, "says"], citation.says, limits.says);
    });
    if (newSource) checkSource(newSource, rules, add, schema, text);
    tip.sources.forEach(function (citation, index) {
      if (!rules.sources[citation.id] && !(newSource && citation.id === newSource.id)) {
        add("E301", ["sources", index, "id"], format(checkSaid.unknown_id,
          { one: checkSaid.sources_one, value: citation.id, hint: "", home: checkSaid.sources_home }));
      }
    });
    if (rules.tips.indexOf(tip.id) !== -1) {
      add("E302", ["id"], format(rules.page_messages.tip_exists, { value: tip.id }), rules.page_messages.tip_exists_fix);
    }
    if (!tip.sources.length) add("E310", ["sources"], checkSaid.no_source);
    if (!tip.situations.length) add("E314", ["id"], checkSaid.no_plan);

    // Writing style (S4xx), as check/style.py's style_problems runs it on a tip
    const cited = {};
    tip.sources.forEach(function (citation) {
      const source = rules.sources[citation.id] || (newSource && citation.id === newSource.id ? newSource : null);
      if (source && source.url) cited[source.url] = true;
    });
    const texts = [[["title"], tip.title], [["summary"], tip.summary], [["why"], tip.why]];
    ["steps", "avoid"].forEach(function (name) {
      tip[name].forEach(function (value, index) {
        texts.push([[name, index], value]);
      });
    });
    const own = texts.slice();  // the tip's own text, read as one for the reading ease
    tip.sources.forEach(function (citation, index) {
      texts.push([["sources", index, "says"], citation.says]);
    });

    function longSentences(path, value) {
      sentences(value).forEach(function (sentence) {
        const count = wordCount(sentence);
        if (count > writing.limits.max_sentence_words) {
          add("S401", path, format(writing.messages.S401, { words: count, limit: writing.limits.max_sentence_words,
            start: pySplit(sentence).slice(0, 6).join(" ") }));
        }
      });
    }

    // check/style.py's TEXT_RULES: each a pattern, a message and where it applies, published as they are.
    function textRules(path, value) {
      const isItem = path.length === 2 && typeof path[1] === "number";
      const allowed = writing.tip_text.indexOf(path[0]) !== -1 ? cited : {};
      pattern.textRules.forEach(function (rule) {
        if (rule.items_only && !isItem) return;
        for (const match of value.matchAll(rule.regex)) {
          const groups = match.slice(1).filter(function (group) {
            return group !== undefined;
          });
          const found = groups.length ? groups[0] : match[0];
          if (rule.cited_allowed && allowed[found]) continue;
          const item = isItem ? (path[0].endsWith("s") ? path[0].slice(0, -1) : path[0]) + " " + (path[1] + 1) : "";
          add(rule.code, path, format(rule.message, { found: characters(found).slice(0, rule.clip).join("") ||
            "nothing", item: item }));
          if (!rule.every) break;
        }
      });
    }

    function shouting(path, value) {
      const letters = value.match(pattern.letters) || [];
      const capitals = letters.filter(function (letter) {
        return letter !== letter.toLowerCase();
      }).length;
      if (letters.length >= writing.limits.shouting_min_letters && capitals * 2 > letters.length) {
        add("S405", path, writing.messages.S405);
      }
    }

    texts.forEach(function (entry) {
      longSentences(entry[0], entry[1]);
    });
    texts.forEach(function (entry) {
      textRules(entry[0], entry[1]);
    });
    shouting(["title"], tip.title);
    shouting(["summary"], tip.summary);
    if (sentences(tip.summary).length > 1) add("S404", ["summary"], writing.messages.S404);
    const whole = own.map(function (entry) {
      return plain(entry[1]).replace(/[.!?]+$/, "") + ".";
    }).join(" ");
    const ease = readingEase(whole);
    if (ease < writing.limits.min_reading_ease) {
      add("S402", ["id"], format(writing.messages.S402, { ease: wholeNumber(ease),
        limit: writing.limits.min_reading_ease }));
    }
    return problems;
  }

  // A new article's entry, checked against schema/sources.schema.json's limits and value kinds.
  function checkSource(source, rules, add, schema, text) {
    const limits = rules.source_limits;
    const path = function (name) {
      return ["new source", name];
    };
    ["title", "publisher", "url"].forEach(function (name) {
      text(path(name), source[name], limits[name]);
    });
    ["url", "published"].forEach(function (name) {
      const kind = rules.field_types[limits[name].type];
      if (source[name] && !limits[name].regex.test(source[name])) {
        add("E204", path(name), "'" + source[name] + "' " + kind[0], kind[1]);
      }
    });
  }

  /* ---- The page ------------------------------------------------------------------------------ */

  const tools = window.InterviewRebound;  // shared.js, loaded before this script
  const root = document.querySelector("[data-ir-suggest]");
  // The checks, for tests/test_suggest.py, which holds them to check/style.py and the checker.
  tools.suggest = {
    readingEase: function (text) {
      return hyphenation ? readingEase(text) : null;
    },
    tipId: function (title, maxLength) {
      return pattern ? tipId(title, maxLength) : null;
    },
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
  const sourceArea = root.querySelector("[data-ir-source-area]");
  const sourceEntry = root.querySelector("[data-ir-source-entry]");
  const repository = root.getAttribute("data-ir-repository").replace(/\/+$/, "");
  let rules = null;
  const current = { yaml: "", path: "", source: "" };

  // The rules' patterns, compiled once: Python's re patterns, as macros/render/suggest.py rewrote them.
  function setRules(loaded) {
    const published = loaded.writing.patterns;
    const compile = function (name, flags) {
      return new RegExp(published[name], flags || "u");
    };
    pattern = {
      spaces: new RegExp(published.space + "+", "u"),
      edgeSpaces: new RegExp("^" + published.space + "+|" + published.space + "+$", "gu"),
      markdownLink: compile("markdown_link", "gu"),
      sentenceEnd: compile("sentence_end"),
      word: compile("word", "gu"),
      punctuation: compile("punctuation", "gu"),
      fleschSentence: compile("flesch_sentence", "gu"),
      letters: compile("letters", "gu"),
      hidden: new RegExp(loaded.hidden_characters, "u"),
      control: new RegExp(loaded.control_characters, "u"),
      textRules: loaded.writing.text_rules.map(function (rule) {
        return Object.assign({ regex: new RegExp(rule.pattern, rule.flags) }, rule);
      })
    };
    Object.keys(loaded.source_limits).forEach(function (name) {
      const limit = loaded.source_limits[name];
      if (limit.pattern) limit.regex = new RegExp(limit.pattern, "u");
    });
    setHyphenation(loaded.hyphenation);
    rules = loaded;
  }

  function field(name) {
    return form.querySelector('[data-ir-field="' + name + '"]');
  }

  function lines(value) {
    return value.split("\n").filter(function (line) {
      return pyStrip(line) !== "";
    });
  }

  // The contributor's own date: what they would write by hand, and what `make check` on their
  // computer counts as today (it accepts one day ahead, for the checks on GitHub, which count in UTC).
  function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (part) {
      return String(part).padStart(2, "0");
    }).join("-");
  }

  // A new article's id, from its publisher, year and title, and not one already listed.
  function sourceId(source) {
    const base = tipId([source.publisher, source.published.slice(0, 4), source.title].join(" "), 40);
    let id = base;
    for (let count = 2; rules.sources[id]; count += 1) id = base + "-" + count;
    return id;
  }

  // The "says" boxes show only under the sources that are ticked; they need no rules.
  function showSays() {
    each(form.querySelectorAll("[data-ir-says-for]"), function (box) {
      const ticked = form.querySelector('input[name="sources"][value="' + box.getAttribute("data-ir-says-for") + '"]');
      box.hidden = !ticked || !ticked.checked;
    });
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
    tip.id = tipId(tip.title, rules.limits.id.maxLength);
    each(form.querySelectorAll('input[name="situations"]:checked'), function (box) {
      tip.situations.push(box.value);
    });
    each(form.querySelectorAll('input[name="sources"]:checked'), function (box) {
      if (box.value === "new") return;
      const says = form.querySelector('[data-ir-says="' + box.value + '"]');
      tip.sources.push({ id: box.value, says: says ? says.value : "" });
    });
    let source = null;
    if (form.querySelector('input[name="sources"][value="new"]:checked')) {
      source = {};
      ["title", "publisher", "url", "published", "says"].forEach(function (name) {
        source[name] = form.querySelector('[data-ir-new="' + name + '"]').value;
      });
      source.id = sourceId(source);
      tip.sources.push({ id: source.id, says: source.says });
    }
    return { tip: tip, source: source };
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
    const count = problems.length;
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

  function showPreview(tip, source) {
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
      const known = rules.sources[citation.id] || (source && source.id === citation.id ? source : null);
      return known && known.publisher ? known.publisher : citation.id;
    });
    /* As macros/render/templates/tip.html: the count, then each publisher once, with its number of articles. */
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

  function showLink(tip, source) {
    const hasId = Boolean(tip.id) && new RegExp(rules.limits.id.pattern, "u").test(tip.id);
    noTitle.hidden = Boolean(tip.title) && hasId;
    current.path = hasId ? "data/tips/" + tip.id + ".yaml" : "";
    current.yaml = tipYaml(tip);
    current.source = source ? sourceYaml(source) : "";
    fileName.textContent = current.path || "data/tips/….yaml";
    const base = repository + "/new/main?filename=" + encodeURIComponent(current.path).replace(/%2F/g, "/");
    const address = base + "&value=" + encodeURIComponent(current.yaml);
    const tooLong = address.length >= MAX_ADDRESS_BYTES;  // encoded, so one character is one byte
    linkArea.hidden = !hasId || tooLong;
    fallback.hidden = !hasId || !tooLong;
    propose.href = hasId && !tooLong ? address : repository + "/new/main";
    newFile.href = base;
    sourceArea.hidden = !source;
    sourceEntry.textContent = current.source;
  }

  // Every change ends in a fresh verdict, or in a plain "could not check", never in a stale one.
  function update() {
    showSays();
    if (!rules) return;
    try {
      const read = readForm();
      showProblems(checkTip(read.tip, rules, read.source));
      showPreview(read.tip, read.source);
      showLink(read.tip, read.source);
    } catch (error) {
      problemList.textContent = "";
      verdict.textContent = "The page could not check this tip. Reload the page, or suggest the tip in the issue form.";
      verdict.setAttribute("data-ir-count", "");
      linkArea.hidden = true;
      fallback.hidden = true;
      window.setTimeout(function () {
        throw error;  // reported to the browser's console, after the page has said it could not check
      });
    }
  }

  /* Copy and Download, for a tip too long to send in a link, and for a new source's entry */
  function copy(text, done) {
    tools.copyText(text).then(function (copied) {
      tools.announce(root, copied ? done : "Your browser did not let this page copy. " +
        "Download the file instead, or select the text and copy it yourself.");
    });
  }

  tools.onAction(root, {
    copy: function () {
      if (!current.path) return;
      copy(current.yaml, "The tip file is copied. Paste it into GitHub's new file page and name the file " +
        current.path + ".");
    },
    download: function () {
      if (!current.path) return;
      const name = current.path.split("/").pop();
      tools.downloadText(current.yaml, name, "text/yaml");
      tools.announce(root, "The tip file is downloading as " + name + ". Upload it to " +
        current.path.replace(name, "") + " on GitHub.");
    },
    "copy-source": function () {
      if (!current.source) return;
      copy(current.source, "The source entry is copied. Paste it at the very end of data/sources.yaml.");
    },
    "download-source": function () {
      if (!current.source) return;
      tools.downloadText(current.source, "new-source.yaml", "text/yaml");
      tools.announce(root, "The source entry is downloading as new-source.yaml. Paste what it holds at the " +
        "very end of data/sources.yaml.");
    }
  });

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  tools.enhance(root);
  showSays();

  // The rules live beside the open data: a file of this site, fetched once; nothing typed goes with it.
  const request = new XMLHttpRequest();
  request.open("GET", root.getAttribute("data-ir-rules"));
  request.responseType = "json";
  request.onload = function () {
    if (request.status !== 200 || !request.response) {
      verdict.textContent = "The checks could not load. Reload the page to try again.";
      return;
    }
    setRules(request.response);
    root.setAttribute("data-ir-ready", "");
    update();
  };
  request.onerror = function () {
    verdict.textContent = "The checks could not load. Reload the page to try again.";
  };
  request.send();
})();

// The page's views. Subjects and schemas are user input: they only reach the page as text nodes
// and attribute values, never as markup.
import { api, diffLink, subjectLink, subjectPath } from "./api.js";
import { lineDiff, sideBySide } from "./diff.js";

/** A new element with attributes (null ones left out) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child != null) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A schema as people read it: JSON (Avro and JSON Schema) indented, Protobuf as written. */
export function prettySchema(version) {
  if (version.schemaType === "PROTOBUF") {
    return version.schema;
  }
  try {
    return JSON.stringify(JSON.parse(version.schema), null, 2);
  } catch (notJson) {
    return version.schema;
  }
}

/** All subjects, filtered by a search term that is kept in the URL. */
export async function subjectListView(search) {
  const [subjects, config] = await Promise.all([api("subjects"), api("config")]);
  subjects.sort((a, b) => a.localeCompare(b));
  const input = el("input", {
    type: "search",
    id: "search",
    placeholder: "Search subjects",
    "aria-label": "Search subjects",
    value: search,
  });
  const count = el("p", { id: "subject-count", class: "note" });
  const list = el("ul", { id: "subjects", class: "subjects" });
  const show = () => {
    const term = input.value.trim().toLowerCase();
    const shown = subjects.filter((subject) => subject.toLowerCase().includes(term));
    list.replaceChildren(
      ...shown.map((subject) => el("li", {}, el("a", { href: subjectLink(subject) }, subject)))
    );
    if (subjects.length === 0) {
      count.textContent = "No subjects yet.";
    } else if (term) {
      count.textContent = `${shown.length} of ${subjects.length} subjects match`;
    } else {
      count.textContent = `${subjects.length} subjects`;
    }
  };
  input.addEventListener("input", () => {
    show();
    const term = input.value.trim();
    // replaceState fires no hashchange: the list filters in place and the input keeps its focus.
    history.replaceState(null, "", term ? "#/?q=" + encodeURIComponent(term) : "#/");
  });
  show();
  return [
    el("h2", {}, "Subjects"),
    el(
      "p",
      {},
      "Global compatibility level: ",
      el("strong", { id: "global-compatibility" }, config.compatibilityLevel)
    ),
    input,
    count,
    list,
  ];
}

/** A subject's compatibility level, and whether the subject sets it or inherits it. */
async function compatibilityOf(subject) {
  const scope = "config/" + encodeURIComponent(subject);
  try {
    const own = await api(scope);
    return { level: own.compatibilityLevel, inherited: false };
  } catch (error) {
    // 40408: the subject sets no level of its own.
    if (error.code !== 40408) {
      throw error;
    }
  }
  const effective = await api(scope + "?defaultToGlobal=true");
  return { level: effective.compatibilityLevel, inherited: true };
}

/** A subject's versions, one of them (the latest unless named) with its schema. */
export async function subjectView(subject, version) {
  const [versions, compatibility] = await Promise.all([
    api(subjectPath(subject) + "/versions"),
    compatibilityOf(subject),
  ]);
  const shown = version == null ? versions[versions.length - 1] : version;
  const schema = await api(subjectPath(subject) + "/versions/" + shown);
  const content = [
    el("p", { class: "breadcrumb" }, el("a", { href: "#/" }, "All subjects")),
    el("h2", { id: "subject" }, subject),
    el(
      "p",
      {},
      "Compatibility level: ",
      el("strong", { id: "compatibility" }, compatibility.level),
      compatibility.inherited ? " (the default)" : " (set for this subject)"
    ),
    el(
      "nav",
      { class: "versions", "aria-label": "Versions" },
      "Versions: ",
      versions.map((v) =>
        el(
          "a",
          { href: subjectLink(subject, v), "aria-current": v === shown ? "page" : null },
          String(v)
        )
      )
    ),
  ];
  if (versions.length > 1) {
    content.push(compareForm(subject, versions, shown));
  }
  content.push(
    el("h3", { id: "version" }, "Version " + schema.version),
    el("p", { class: "note" }, `Schema id ${schema.id}, ${schema.schemaType || "AVRO"}`)
  );
  if (schema.references && schema.references.length > 0) {
    content.push(
      el(
        "ul",
        { class: "references", "aria-label": "References" },
        schema.references.map((reference) =>
          el(
            "li",
            {},
            reference.name + ": ",
            el(
              "a",
              { href: subjectLink(reference.subject, reference.version) },
              `${reference.subject} version ${reference.version}`
            )
          )
        )
      )
    );
  }
  content.push(el("pre", { id: "schema", class: "schema" }, prettySchema(schema)));
  return content;
}

/** Picks two versions to compare; starts at the shown one and the one before it. */
function compareForm(subject, versions, shown) {
  const picker = (id, selected) =>
    el(
      "select",
      { id },
      versions.map((v) => el("option", { value: v, selected: v === selected ? "" : null }, v))
    );
  const index = versions.indexOf(shown);
  const from = picker("from", versions[Math.max(index - 1, 0)]);
  const to = picker("to", index > 0 ? shown : versions[1]);
  const form = el(
    "form",
    { class: "compare" },
    "Compare version ",
    from,
    " with version ",
    to,
    " ",
    el("button", { type: "submit" }, "Show the differences")
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = diffLink(subject, from.value, to.value);
  });
  return form;
}

function lines(count) {
  return count === 1 ? "1 line" : `${count} lines`;
}

/** Two versions of a subject side by side, with removed and added lines marked. */
export async function diffView(subject, from, to) {
  const [older, newer] = await Promise.all(
    [from, to].map((v) => api(subjectPath(subject) + "/versions/" + v))
  );
  const changes = lineDiff(prettySchema(older), prettySchema(newer));
  const added = changes.filter((change) => change.kind === "added").length;
  const removed = changes.filter((change) => change.kind === "removed").length;
  const cells = (side) =>
    side === null
      ? [el("td", { class: "number" }), el("td", { class: "line empty" })]
      : [
          el("td", { class: "number" }, String(side.number)),
          el("td", { class: "line " + side.kind }, side.text),
        ];
  return [
    el(
      "p",
      { class: "breadcrumb" },
      el("a", { href: "#/" }, "All subjects"),
      " / ",
      el("a", { href: subjectLink(subject) }, subject)
    ),
    el("h2", { id: "subject" }, subject),
    el("h3", {}, `Version ${from} compared with version ${to}`),
    el(
      "p",
      { id: "diff-summary", class: "note" },
      added === 0 && removed === 0
        ? "The two versions are the same."
        : `${lines(added)} added, ${lines(removed)} removed`
    ),
    el(
      "table",
      { id: "diff", class: "diff" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          [from, to].map((v) =>
            el("th", { colspan: 2 }, el("a", { href: subjectLink(subject, v) }, `Version ${v}`))
          )
        )
      ),
      el(
        "tbody",
        {},
        sideBySide(changes).map((row) => el("tr", {}, cells(row.left), cells(row.right)))
      )
    ),
  ];
}

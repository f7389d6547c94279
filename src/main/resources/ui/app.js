// The page's entry point: reads the registry through its REST API and shows the view that the
// URL's hash names, so that every view has a URL of its own.
import { api } from "./api.js";
import { el, subjectListView, subjectView, diffView } from "./views.js";

/** Who the registry says is the writer, and which instance answered. */
async function showInstance() {
  const list = document.getElementById("instance");
  try {
    const metadata = await api("v1/metadata/id");
    list.replaceChildren(
      el("dt", {}, "Writer"),
      el("dd", { id: "writer" }, metadata.writer || "none at the moment"),
      el("dt", {}, "This instance"),
      el(
        "dd",
        { id: "this-instance" },
        metadata.instance.id,
        metadata.instance.writer ? " (the writer)" : " (a reader)"
      )
    );
  } catch (error) {
    list.replaceChildren(el("dt", {}, "Instance"), el("dd", { class: "error" }, error.message));
  }
}

/** The view a hash names: {name, ...its parameters}, or null when it names none. */
function route(hash) {
  const [path, query] = hash.replace(/^#/, "").split("?", 2);
  let parts;
  try {
    parts = path.split("/").filter((part) => part !== "").map(decodeURIComponent);
  } catch (malformed) {
    return null;
  }
  if (parts.length === 0) {
    return { name: "subjects", search: new URLSearchParams(query || "").get("q") || "" };
  }
  if (parts[0] !== "subjects" || parts.length < 2) {
    return null;
  }
  const subject = parts[1];
  const version = (text) => (/^[1-9][0-9]*$/.test(text) ? Number(text) : null);
  if (parts.length === 2) {
    return { name: "subject", subject, version: null };
  }
  if (parts.length === 4 && parts[2] === "versions" && version(parts[3]) !== null) {
    return { name: "subject", subject, version: version(parts[3]) };
  }
  if (parts.length === 5 && parts[2] === "diff" && version(parts[3]) && version(parts[4])) {
    return { name: "diff", subject, from: version(parts[3]), to: version(parts[4]) };
  }
  return null;
}

/** Counts renders, so that a slow one finishing after the user moved on does not show. */
let renders = 0;

async function render() {
  const ticket = ++renders;
  const view = document.getElementById("view");
  const current = () => ticket === renders;
  document.body.dataset.state = "loading";
  const where = route(location.hash);
  try {
    let content;
    if (where === null) {
      content = [
        el("p", { class: "error" }, "There is no such page."),
        el("a", { href: "#/" }, "All subjects"),
      ];
    } else if (where.name === "subjects") {
      content = await subjectListView(where.search);
    } else if (where.name === "subject") {
      content = await subjectView(where.subject, where.version);
    } else {
      content = await diffView(where.subject, where.from, where.to);
    }
    if (current()) {
      view.replaceChildren(...content);
      document.body.dataset.state = "ready";
    }
  } catch (error) {
    if (current()) {
      view.replaceChildren(el("p", { class: "error" }, error.message));
      document.body.dataset.state = "error";
    }
  }
}

window.addEventListener("hashchange", render);
showInstance();
render();

// A line diff of two texts, shown side by side: the longest common subsequence of their lines
// stays, the rest of the old text is removed and the rest of the new one added.

/** Above this many cells the LCS table would cost too much: the changed middle is shown whole. */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * The old and new text's lines as a list of changes, in order: each is {kind, text, oldNumber,
 * newNumber}, kind being "same", "removed" or "added", numbers starting at 1 (null where the line
 * is not on that side).
 */
export function lineDiff(oldText, newText) {
  const a = oldText.split("\n");
  const b = newText.split("\n");
  // Schemas mostly change in a few places: the LCS table only needs to cover the changed middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const changes = [];
  const change = (kind, text, oldNumber, newNumber) =>
    changes.push({ kind, text, oldNumber, newNumber });
  const same = (i, j) => change("same", a[i], i + 1, j + 1);
  const removed = (i) => change("removed", a[i], i + 1, null);
  const added = (j) => change("added", b[j], null, j + 1);

  for (let i = 0; i < start; i++) {
    same(i, i);
  }
  const n = aEnd - start;
  const m = bEnd - start;
  let i = start;
  let j = start;
  if (n * m <= MAX_TABLE_CELLS) {
    // common[x * (m + 1) + y]: the LCS length of a[start + x..aEnd) and b[start + y..bEnd).
    const common = new Uint32Array((n + 1) * (m + 1));
    for (let x = n - 1; x >= 0; x--) {
      for (let y = m - 1; y >= 0; y--) {
        common[x * (m + 1) + y] =
          a[start + x] === b[start + y]
            ? common[(x + 1) * (m + 1) + y + 1] + 1
            : Math.max(common[(x + 1) * (m + 1) + y], common[x * (m + 1) + y + 1]);
      }
    }
    while (i < aEnd && j < bEnd) {
      const x = i - start;
      const y = j - start;
      if (a[i] === b[j]) {
        same(i++, j++);
      } else if (common[(x + 1) * (m + 1) + y] >= common[x * (m + 1) + y + 1]) {
        removed(i++);
      } else {
        added(j++);
      }
    }
  }
  while (i < aEnd) {
    removed(i++);
  }
  while (j < bEnd) {
    added(j++);
  }
  for (let k = 0; aEnd + k < a.length; k++) {
    same(aEnd + k, bEnd + k);
  }
  return changes;
}

/**
 * The changes as rows of two cells, {left, right}, each {kind, number, text} or null: unchanged
 * lines on both sides, and each run of removed lines next to the added lines that replace them.
 */
export function sideBySide(changes) {
  const rows = [];
  let removedRun = [];
  let addedRun = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removedRun.length, addedRun.length); k++) {
      rows.push({ left: removedRun[k] || null, right: addedRun[k] || null });
    }
    removedRun = [];
    addedRun = [];
  };
  for (const change of changes) {
    if (change.kind === "removed") {
      removedRun.push({ kind: "removed", number: change.oldNumber, text: change.text });
    } else if (change.kind === "added") {
      addedRun.push({ kind: "added", number: change.newNumber, text: change.text });
    } else {
      flush();
      rows.push({
        left: { kind: "same", number: change.oldNumber, text: change.text },
        right: { kind: "same", number: change.newNumber, text: change.text },
      });
    }
  }
  flush();
  return rows;
}

// The three data tables: built from the normalized model, sortable by
// clicking (or pressing Enter/Space on) a column header's button, with
// aria-sort telling assistive technology the current order.

import { formatAge, formatDate, formatNumber } from "./format.js";

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function text(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function personName(person) {
  return person.name ?? person.organization ?? person.publicIdentifier ?? person.memberId;
}

function nameCell(td, item) {
  const name = personName(item.person);
  if (item.person.profileUrl) {
    const link = document.createElement("a");
    link.href = item.person.profileUrl;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    link.textContent = text(name);
    td.append(link);
  } else {
    td.textContent = text(name);
  }
}

function timeCell(pick) {
  return (td, item) => {
    const time = pick(item);
    td.className = "when";
    if (!time?.at) {
      td.textContent = "—";
      if (time?.text) td.title = `The provider said "${time.text}"`;
      return;
    }
    const element = document.createElement("time");
    element.dateTime = time.at;
    element.textContent = formatDate(time);
    element.title = `The provider said "${time.text}"`;
    td.append(element);
  };
}

function ageCell(pick) {
  return (td, item) => {
    td.className = "when";
    td.textContent = formatAge(pick(item));
  };
}

const instant = (time) => (time?.at ? Date.parse(time.at) : null);
const sentAt = (item) => item.sentAt;
const connectedAt = (item) => item.connectedAt;

const NAME = { key: "name", label: "Name", value: (item) => personName(item.person), render: nameCell };
const HEADLINE = { key: "headline", label: "Headline", value: (item) => item.person.headline ?? item.person.organization };

const COLUMNS = {
  sentInvitations: [
    NAME,
    HEADLINE,
    { key: "sent", label: "Sent", value: (item) => instant(item.sentAt), render: timeCell(sentAt) },
    { key: "age", label: "Age", value: (item) => item.sentAt?.days ?? null, render: ageCell(sentAt) },
  ],
  receivedInvitations: [
    NAME,
    HEADLINE,
    { key: "type", label: "Type", value: (item) => item.type },
    { key: "received", label: "Received", value: (item) => instant(item.sentAt), render: timeCell(sentAt) },
    { key: "age", label: "Age", value: (item) => item.sentAt?.days ?? null, render: ageCell(sentAt) },
  ],
  connections: [
    NAME,
    HEADLINE,
    { key: "connected", label: "Connected", value: (item) => instant(item.connectedAt), render: timeCell(connectedAt) },
    { key: "age", label: "Age", value: (item) => item.connectedAt?.days ?? null, render: ageCell(connectedAt) },
  ],
};

const NOUNS = { sentInvitations: "sent invitations", receivedInvitations: "received invitations", connections: "connections" };

// Missing values sort last in both directions.
function compare(a, b, direction) {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return direction === "ascending" ? order : -order;
}

/**
 * A sortable table bound to `<table id="table-<resource>">`. `rowActions(item)`,
 * when given, fills a last "Actions" column (not sortable) with its element.
 */
export function createTable(resource, { rowActions } = {}) {
  const table = document.getElementById(`table-${resource}`);
  const columns = COLUMNS[resource];
  const state = { items: [], sortKey: null, direction: "none", note: "" };

  const caption = document.createElement("caption");
  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  const headers = new Map();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.setAttribute("aria-sort", "none");
    th.dataset.key = column.key;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = column.label;
    button.addEventListener("click", () => sortBy(column.key));
    th.append(button);
    headRow.append(th);
    headers.set(column.key, th);
  }
  if (rowActions) {
    const th = document.createElement("th");
    th.scope = "col";
    th.className = "actions";
    th.textContent = "Actions";
    headRow.append(th);
  }
  thead.append(headRow);
  const tbody = document.createElement("tbody");
  table.replaceChildren(caption, thead, tbody);

  function sortBy(key) {
    const direction = state.sortKey === key && state.direction === "ascending" ? "descending" : "ascending";
    state.sortKey = key;
    state.direction = direction;
    for (const [columnKey, th] of headers) th.setAttribute("aria-sort", columnKey === key ? direction : "none");
    renderRows();
  }

  function renderCaption() {
    const count = state.items.length;
    const order = state.sortKey
      ? `sorted by ${columns.find((c) => c.key === state.sortKey).label.toLowerCase()}, ${state.direction}`
      : "newest first, as the provider lists them";
    caption.textContent = count === 0 ? `No ${NOUNS[resource]}.${state.note}` : `${formatNumber(count)} ${NOUNS[resource]}, ${order}. Sort by a column with its header.${state.note}`;
  }

  function renderRows() {
    let rows = state.items;
    if (state.sortKey) {
      const column = columns.find((c) => c.key === state.sortKey);
      // Stable sort: equal values keep the provider's order.
      rows = rows
        .map((item, index) => ({ item, index, value: column.value(item) }))
        .sort((a, b) => compare(a.value, b.value, state.direction) || a.index - b.index)
        .map((entry) => entry.item);
    }
    const fragment = document.createDocumentFragment();
    for (const item of rows) {
      const tr = document.createElement("tr");
      if (item.kind === "invitation") tr.dataset.id = item.id;
      for (const column of columns) {
        const td = document.createElement("td");
        if (column.render) column.render(td, item);
        else td.textContent = text(column.value(item));
        tr.append(td);
      }
      if (rowActions) {
        const td = document.createElement("td");
        td.className = "actions";
        const content = rowActions(item);
        if (content) td.append(content);
        tr.append(td);
      }
      fragment.append(tr);
    }
    tbody.replaceChildren(fragment);
    renderCaption();
  }

  return {
    /** Shows `items` in the provider's order (any sort is reset); `note` is appended to the caption. */
    show(items, note = "") {
      state.items = items;
      state.note = note ? ` ${note}` : "";
      state.sortKey = null;
      state.direction = "none";
      for (const th of headers.values()) th.setAttribute("aria-sort", "none");
      renderRows();
    },
    sortBy,
  };
}

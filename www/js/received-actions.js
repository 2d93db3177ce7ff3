// Accept and Ignore on each received invitation (Ignore only where the
// provider offers it), through the package; the row leaves the table and
// the credits follow. The person joins the connections: the next Sync says so.

import { createClient } from "linkedin-network";
import { PROVIDERS, clientOptions } from "./providers.js";
import { exclusive, isBusy, onIdleChange } from "./busy.js";
import { addSpend } from "./spend.js";
import { network, removeFromList } from "./store.js";
import { showNetwork } from "./dashboard.js";
import { showError } from "./run-view.js";
import { plural } from "./format.js";

const ERROR_BOX = "received-error";
const DONE = { accept: "Accepted", ignore: "Ignored" };

let config = null;

function setReceivedStatus(text) {
  document.getElementById("received-status").textContent = text;
}

async function act(action, invitation) {
  const provider = PROVIDERS.find((p) => p.id === network.provider);
  const name = invitation.person.name ?? invitation.person.publicIdentifier ?? invitation.id;
  showError(null, "", ERROR_BOX);
  setReceivedStatus(`${action === "accept" ? "Accepting" : "Ignoring"} the invitation from ${name}…`);
  const client = createClient(clientOptions(provider.id, config));
  let result;
  try {
    result = await client.receivedInvitations[action](invitation);
  } catch (error) {
    addSpend("action", error.creditsUsed ?? 0, 0);
    showError(error, `Could not ${action} the invitation from ${name}: `, ERROR_BOX);
    setReceivedStatus(`The invitation from ${name} is still there.`);
    return;
  }
  addSpend("action", result.creditsUsed, result.requests);
  removeFromList("receivedInvitations", [invitation.id]);
  showNetwork(provider.label);
  const outcome = result.outcome === "notPending" ? `The invitation from ${name} was no longer pending` : `${DONE[action]} the invitation from ${name}`;
  const joined = action === "accept" && result.outcome !== "notPending" ? " They are a connection now: the next Sync lists them." : "";
  setReceivedStatus(`${outcome}: ${plural(result.creditsUsed, "credit")} in ${plural(result.requests, "request")}.${joined}`);
  document.getElementById("heading-receivedInvitations").focus();
}

function button(action, label, invitation, name) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `row-action ${action}`;
  element.dataset.action = action;
  element.textContent = label;
  element.setAttribute("aria-label", `${label} the invitation from ${name}`);
  element.disabled = isBusy();
  element.addEventListener("click", () => exclusive(() => act(action, invitation)));
  return element;
}

/** The buttons of one received invitation's row. */
export function receivedRowActions(invitation) {
  const provider = PROVIDERS.find((p) => p.id === network.provider);
  if (!provider) return null;
  const name = invitation.person.name ?? invitation.person.publicIdentifier ?? "this person";
  const box = document.createElement("span");
  box.className = "row-actions";
  box.append(button("accept", "Accept", invitation, name));
  if (provider.actions.includes("ignore")) box.append(button("ignore", "Ignore", invitation, name));
  return box;
}

export function initReceivedActions(options) {
  config = options.config;
  onIdleChange((busy) => {
    for (const element of document.querySelectorAll("#table-receivedInvitations button.row-action")) element.disabled = busy;
  });
}

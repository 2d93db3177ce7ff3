// One thing at a time: a fetch, a sync, a simulated hour or an action. While
// one runs the others' buttons are disabled; each panel says when its own
// buttons may be enabled, through `onIdleChange`.

let busy = false;
const listeners = new Set();

export function isBusy() {
  return busy;
}

/** Calls `refresh(busy)` now and whenever the page becomes busy or idle. */
export function onIdleChange(refresh) {
  listeners.add(refresh);
  refresh(busy);
}

function setBusy(value) {
  busy = value;
  document.body.dataset.busy = String(value);
  for (const refresh of listeners) refresh(value);
}

/** Runs `task` unless something else runs; resolves to its result (undefined when refused). */
export async function exclusive(task) {
  if (busy) return undefined;
  setBusy(true);
  try {
    return await task();
  } finally {
    setBusy(false);
  }
}

// Every wait on a runtime is bounded, so a runtime that hangs (a Worker that
// threw at start-up, a dead service worker) fails its case and the harness
// still reaches its cleanup instead of running into the test timeout.

export function bounded(promise, ms, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

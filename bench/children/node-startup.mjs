// One Node start-up sample, in a fresh process: import of the package's
// `node` entry (argv[2], a file URL) through ready(), timed from inside with
// performance.now() taken before the dynamic import. Prints one JSON line.

const start = performance.now();
const api = await import(process.argv[2]);
await api.ready();
const readyAt = performance.now();
// A first call, so the sample also proves the module works.
const estimate = api.estimateCredits({ provider: "linkup-v2", resource: "connections", offset: 0, limit: 250 });
console.log(JSON.stringify({ importToReadyMs: readyAt - start, processStartToReadyMs: readyAt, credits: estimate.credits }));

// Node only: the WebAssembly memory of the package's instance, read without
// touching the package. Importing this module wraps WebAssembly.Instance so
// every instance the glue creates (at load, and after a panic's restart) is
// recorded; import the package after it.

const Original = WebAssembly.Instance;
const instances = [];

WebAssembly.Instance = class RecordedInstance extends Original {
  constructor(module, imports) {
    super(module, imports);
    instances.push(this);
  }
};

export const MIB = 1024 * 1024;

/** Bytes of the newest instance's memory (WebAssembly memory only grows). */
export function wasmMemoryBytes() {
  const memory = instances.at(-1)?.exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error("no package instance with an exported memory was created after this module loaded");
  return memory.buffer.byteLength;
}

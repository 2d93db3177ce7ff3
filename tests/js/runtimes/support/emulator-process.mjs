// The harnesses start the emulator as a child process (see tests/emulator/process.mjs).
export { startEmulatorProcess } from "../../../emulator/process.mjs";

// linkedin-network/testing: the provider emulator this package is tested
// against, for your own tests (Node only). It serves linkup-v2, linkup-v1,
// ConnectSafely and Unipile over real HTTP on 127.0.0.1, with a seeded
// account, faults, list changes between reads, actions and a credit ledger.
// The files under ./emulator/ are copied from the repository's
// tests/emulator/ when the package is built.
export { startEmulator } from "./emulator/server.mjs";

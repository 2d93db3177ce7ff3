// The app's Vite config: a plain production build into dist/.
export default {
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  logLevel: "warn",
};

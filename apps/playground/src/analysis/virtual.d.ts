// Resolved by the `calico-analysis` plugin in vite.config.ts: `@calico-dsl/analysis` when it is
// installed, else an empty module. Its shape is checked at run time (isAnalysisPort).
declare module 'virtual:calico-analysis' {}

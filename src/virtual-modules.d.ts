/** Modules made by Vite plugins (vite.config.ts). */
declare module 'virtual:madang/live-script' {
  /** Path of the bundled, content-hashed live script, e.g. `/_app/immutable/live/live.0123abcd4567.js`. */
  export const liveScriptPath: string;
}

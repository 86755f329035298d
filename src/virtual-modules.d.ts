/** Modules made by Vite plugins (vite.config.ts). */
declare module 'virtual:madang/live-script' {
  /** Path of the bundled, content-hashed live script, e.g. `/_app/immutable/live/live.0123abcd4567.js`. */
  export const liveScriptPath: string;
}

declare module 'virtual:madang/player-script' {
  /** Path of the bundled, content-hashed player script, e.g. `/_app/immutable/player/player.0123abcd4567.js`. */
  export const playerScriptPath: string;
  /** Path of hls.js (light build) beside it; the player script loads it itself, only when the browser needs it. */
  export const hlsScriptPath: string;
}

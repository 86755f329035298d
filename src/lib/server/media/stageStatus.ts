/**
 * What the console's stage page shows about a stage's source, from the
 * stage broadcaster (the lead wires it as `appContext().broadcast`): whether
 * an encoder is connected, through what, since when, on which encoder path
 * and at what CPU cost.
 */
export interface StageSourceStatus {
  readonly sourceConnected: boolean;
  readonly via: 'rtmp' | 'browser' | null;
  readonly since: Date | null;
  /** `copy` when the source is already H.264 and only audio is re-encoded, else `transcode`. */
  readonly encoderPath: 'copy' | 'transcode' | null;
  readonly cpuPercent: number | null;
}

export interface StageBroadcasts {
  /** Null when the stage has no broadcaster running (nothing ever connected since start). */
  stageStatus(stageId: string): StageSourceStatus | null;
}

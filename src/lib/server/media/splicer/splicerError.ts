/** The splicer's refusals, each with a stable code (docs/errors.md). */
export class SplicerError extends Error {
  override readonly name = 'SplicerError';
  constructor(
    readonly code: 'hls.id_invalid' | 'hls.recording_not_found' | 'hls.state_unreadable',
    message: string
  ) {
    super(message);
  }
}

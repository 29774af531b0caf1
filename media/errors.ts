// The media library's own error classes. It cannot import the server's AppError (imports
// point down, never up), so the server maps these by `code` at its edge.

export class MediaError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Use after close(), as in mediasoup. */
export class InvalidStateError extends MediaError {
  constructor(message: string) {
    super('invalid_state', message);
  }
}

/**
 * A bounded queue or in-flight limit is full. Real-time audio prefers dropping a frame to
 * queueing it behind others, so callers usually count this and move on.
 */
export class QueueFullError extends MediaError {
  constructor(message: string) {
    super('queue_full', message, true);
  }
}

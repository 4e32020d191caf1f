/** Why a queue aborted the signal it gave a handler; the handler should stop spending. */
export type AbortCause =
  /** A newer head SHA arrived for the same pull request. */
  | 'superseded'
  /** The queue is stopping and its bounded wait is over: the job goes back to the queue. */
  | 'shutdown'
  /** Another process took the job over (its lease or lock ran out): this run must not publish. */
  | 'lease-lost'
  /** The queue was abandoned, as in a crash. */
  | 'abandoned';

export class JobAborted extends Error {
  override readonly name = 'JobAborted';
  readonly reason: AbortCause;
  constructor(reason: AbortCause, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The cause a queue gave when it aborted `signal`, or null when it was not aborted by a queue. */
export const abortCause = (signal: AbortSignal): AbortCause | null =>
  signal.aborted && signal.reason instanceof JobAborted ? signal.reason.reason : null;

/** The abort a running job gets when a newer head SHA is stored for its pull request. */
export const supersededBy = (headSha: string): JobAborted =>
  new JobAborted('superseded', `superseded by a newer push (head ${headSha.slice(0, 7)})`);

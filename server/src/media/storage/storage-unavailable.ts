/**
 * The storage backend did not answer in time or failed (bucket down, network, credentials): the request
 * should answer 503 rather than hang or pretend the photo does not exist.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    readonly key: string,
    readonly cause: unknown,
  ) {
    super(`Storage ${operation} of ${key} failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    this.name = 'StorageUnavailableError';
  }
}

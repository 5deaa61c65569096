/** `at` without its milliseconds: what a DATETIME column stores on both databases, so the row and the event agree. */
export function toWholeSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

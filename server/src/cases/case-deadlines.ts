import type { ProblemCategory } from '../departments/problem-category.entity';

const HOUR_MS = 60 * 60 * 1000;

/** Response and resolve deadlines from the category's hours, counted from when the report came in. */
export function deadlinesFor(category: Pick<ProblemCategory, 'responseHours' | 'resolveHours'>, reportedAt: Date): { responseDueAt: Date; resolveDueAt: Date } {
  const start = new Date(reportedAt).getTime();
  return { responseDueAt: new Date(start + category.responseHours * HOUR_MS), resolveDueAt: new Date(start + category.resolveHours * HOUR_MS) };
}

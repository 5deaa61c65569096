import { AuditLogEntry } from './audit-log-entry.entity';
import { CaseCodeCounter } from './case-code-counter.entity';
import { CaseDepartment } from './case-department.entity';
import { CaseFollower } from './case-follower.entity';
import { CasePhoto } from './case-photo.entity';
import { CaseTimelineEntry } from './case-timeline-entry.entity';
import { Case } from './case.entity';

export { AuditLogEntry, Case, CaseCodeCounter, CaseDepartment, CaseFollower, CasePhoto, CaseTimelineEntry };
export type { CasePhotoKind } from './case-photo.entity';

/** Every table the cases migration creates, for TypeOrmModule.forFeature and schema tests. */
export const CASE_ENTITIES = [Case, CasePhoto, CaseTimelineEntry, CaseFollower, CaseDepartment, CaseCodeCounter, AuditLogEntry];

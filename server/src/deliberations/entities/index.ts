import { DeliberationComment } from './comment.entity';
import { DeliberationCommentReport } from './comment-report.entity';
import { DeliberationCommentSupport } from './comment-support.entity';
import { Deliberation } from './deliberation.entity';
import { DeliberationMinutes } from './minutes.entity';
import { PollBallot } from './ballot.entity';
import { PollBallotReceipt } from './ballot-receipt.entity';
import { BulletinPost } from './bulletin-post.entity';
import { Poll } from './poll.entity';
import { DeliberationTopic } from './topic.entity';
import { DeliberationTopicReview } from './topic-review.entity';
import { DeliberationTopicSupport } from './topic-support.entity';

export {
  BulletinPost,
  Deliberation,
  DeliberationComment,
  DeliberationCommentReport,
  DeliberationCommentSupport,
  DeliberationMinutes,
  DeliberationTopic,
  DeliberationTopicReview,
  DeliberationTopicSupport,
  Poll,
  PollBallot,
  PollBallotReceipt,
};
export type { PollLiveCounts, PollRollUnit, PollRowStatus } from './poll.entity';

/** Every table of the feature, for TypeOrmModule.forFeature and the schema test. */
export const DELIBERATION_ENTITIES = [
  DeliberationTopic,
  DeliberationTopicSupport,
  DeliberationTopicReview,
  Deliberation,
  DeliberationComment,
  DeliberationCommentSupport,
  DeliberationCommentReport,
  DeliberationMinutes,
  Poll,
  PollBallot,
  PollBallotReceipt,
  BulletinPost,
];

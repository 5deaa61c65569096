import { EntityManager } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { VolunteerActivity } from './entities/volunteer-activity.entity';

/**
 * Locks an activity's row for the rest of the transaction by bumping its signupVersion, then reads it.
 * Every change to who takes part (sign-up, cancellation of a sign-up, cancelling the activity) takes this
 * one lock, so the last place goes to exactly one person and nothing slips in beside a cancellation — on
 * MariaDB through the row lock, on SQLite through its single writer.
 */
export async function lockVolunteerActivity(manager: EntityManager, activityId: number): Promise<VolunteerActivity> {
  const locked = await manager
    .createQueryBuilder()
    .update(VolunteerActivity)
    .set({ signupVersion: () => 'signup_version + 1' })
    .where('id = :id', { id: activityId })
    .execute();
  if (!locked.affected) throw new ApiException(404, 'not_found', '活动不存在');
  return manager.getRepository(VolunteerActivity).findOneByOrFail({ id: activityId });
}

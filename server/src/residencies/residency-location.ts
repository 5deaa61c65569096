import { DataSource } from 'typeorm';
import type { Locate } from '../auth/permission.decorator';
import { Residency } from './residency.entity';

/** For routes addressing a residency by `:id`: it lies in its household's community. */
export const residencyFromParam =
  (param = 'id'): Locate =>
  async (req, orgLocator, moduleRef) => {
    const id = Number(req.params[param]);
    if (!Number.isInteger(id) || id <= 0) return null;
    const residency = await moduleRef
      .get(DataSource, { strict: false })
      .getRepository(Residency)
      .findOne({ where: { id }, relations: { household: true } });
    return residency?.household ? orgLocator.locateCommunity(residency.household.communityId) : null;
  };

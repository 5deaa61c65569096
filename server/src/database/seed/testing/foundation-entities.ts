import { Department } from '../../../departments/department.entity';
import { ProblemCategory } from '../../../departments/problem-category.entity';
import { DutyShift } from '../../../dispatch/duty-shift.entity';
import { Community } from '../../../grids/community.entity';
import { District } from '../../../grids/district.entity';
import { Grid } from '../../../grids/grid.entity';
import { Street } from '../../../grids/street.entity';
import { Household } from '../../../residencies/household.entity';
import { Residency } from '../../../residencies/residency.entity';
import { RoleGrant } from '../../../users/role-grant.entity';
import { User } from '../../../users/user.entity';
import { Foundation1732000000000 } from '../../migrations/1732000000000-foundation';
import { ScratchScope } from './scratch-database';

/** The foundation migration alone, with the entities whose tables it creates; later migrations own the rest. */
export const FOUNDATION_SCOPE: ScratchScope = {
  entities: [District, Street, Community, Grid, Department, ProblemCategory, User, RoleGrant, Household, Residency, DutyShift],
  migrations: [Foundation1732000000000],
};

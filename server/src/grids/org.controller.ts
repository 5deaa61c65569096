import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommunityDetail, CommunitySummary, DistrictTree, GridDetail } from '@linli/shared';
import { Permission } from '../auth/permission.decorator';
import { CommunitiesQuery, GridsQuery } from './dto/org-queries.dto';
import { OrgService } from './org.service';

/** The public organisation tree; visitors may read it (org.read is `any` for every role). */
@ApiTags('org')
@Controller('org')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('district')
  @Permission('org.read')
  @ApiOkResponse({ description: '行政区及其街道' })
  district(): Promise<DistrictTree> {
    return this.org.district();
  }

  @Get('communities')
  @Permission('org.read')
  @ApiOkResponse({ description: '社区列表，可按街道筛选' })
  communities(@Query() query: CommunitiesQuery): Promise<CommunitySummary[]> {
    return this.org.communities(query.streetId);
  }

  @Get('communities/:id')
  @Permission('org.read')
  @ApiOkResponse({ description: '社区及其网格' })
  community(@Param('id', ParseIntPipe) id: number): Promise<CommunityDetail> {
    return this.org.community(id);
  }

  @Get('grids')
  @Permission('org.read')
  @ApiOkResponse({ description: '网格及其边界，可按社区筛选' })
  grids(@Query() query: GridsQuery): Promise<GridDetail[]> {
    return this.org.gridDetails(query.communityId);
  }

  @Get('grids/:id')
  @Permission('org.read')
  @ApiOkResponse({ description: '单个网格及其边界' })
  grid(@Param('id', ParseIntPipe) id: number): Promise<GridDetail> {
    return this.org.gridDetail(id);
  }
}

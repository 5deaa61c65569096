import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeliberationBulletinPage, DeliberationBulletinPostView } from '@linli/shared';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { BulletinService } from './bulletin.service';
import { PageQueryDto } from './dto/topic.dto';

@ApiTags('deliberations')
@Controller()
export class BulletinController {
  constructor(private readonly bulletin: BulletinService) {}

  @Get('communities/:communityId/bulletin')
  @Permission('deliberation.read', communityFromParam())
  list(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: PageQueryDto): Promise<DeliberationBulletinPage> {
    return this.bulletin.list(communityId, query);
  }

  @Get('bulletin/:id')
  @Permission('deliberation.read')
  get(@Param('id', ParseIntPipe) id: number): Promise<DeliberationBulletinPostView> {
    return this.bulletin.get(id);
  }
}

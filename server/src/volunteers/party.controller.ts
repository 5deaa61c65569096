import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PartyMemberCheckInView, PartyOrganizationView, VolunteerCommunityFiguresView, VolunteerProfileView } from '@linli/shared';
import { shanghaiLocalYear } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { PartyMemberCheckInDto, PartyOrganizationDto, VolunteerCheckInListQueryDto, VolunteerCheckInReviewDto } from './dto/party-check-in.dto';
import { VolunteerFiguresQueryDto } from './dto/service-record.dto';
import { VolunteerProfileDto } from './dto/volunteer-profile.dto';
import { VolunteerFiguresService } from './figures.service';
import { PartyCheckInsService } from './party-check-ins.service';
import { partyCheckInFromParam, partyOrganizationFromParam, VolunteerAccess } from './volunteer-access';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';

/** 党员报到 and 在职党组织报到, the volunteer profile, and the committee's figures. */
@ApiTags('volunteers')
@ApiBearerAuth()
@Controller()
export class PartyController {
  constructor(
    private readonly party: PartyCheckInsService,
    private readonly profiles: VolunteerProfilesService,
    private readonly figures: VolunteerFiguresService,
    private readonly access: VolunteerAccess,
    private readonly clock: VolunteerClock,
  ) {}

  @Put('volunteers/me/profile')
  @Permission('volunteer.participate')
  @ApiOkResponse({ description: '保存志愿者信息（证明上打印的姓名、身份证号、单位）' })
  saveProfile(@CurrentUser() user: AuthUser, @Body() body: VolunteerProfileDto): Promise<VolunteerProfileView> {
    return this.profiles.save(user.id, body);
  }

  @Post('volunteers/party-check-ins')
  @Permission('volunteer.participate')
  @ApiOkResponse({ description: '党员到居住地社区报到，等待社区党支部确认' })
  checkInMember(@CurrentUser() user: AuthUser, @Body() body: PartyMemberCheckInDto): Promise<PartyMemberCheckInView> {
    return this.party.checkInMember(user.id, body);
  }

  @Get('volunteers/me/party-check-ins')
  @Permission('volunteer.participate')
  mine(@CurrentUser() user: AuthUser): Promise<PartyMemberCheckInView[]> {
    return this.party.mineAsMember(user.id);
  }

  @Get('communities/:communityId/party-check-ins')
  @Permission('volunteer.party.review', communityFromParam())
  @ApiOkResponse({ description: '本社区党员报到列表' })
  listMembers(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: VolunteerCheckInListQueryDto): Promise<PartyMemberCheckInView[]> {
    return this.party.listMembers(communityId, query.status);
  }

  @Post('volunteers/party-check-ins/:id/review')
  @HttpCode(200)
  @Permission('volunteer.party.review', partyCheckInFromParam())
  reviewMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerCheckInReviewDto): Promise<PartyMemberCheckInView> {
    return this.party.reviewMember(id, user.id, body.approve, body.note);
  }

  @Post('communities/:communityId/party-organizations')
  @Permission('volunteer.participate', communityFromParam())
  @ApiOkResponse({ description: '在职党组织到社区报到，附资源清单与需求清单' })
  registerOrganization(
    @CurrentUser() user: AuthUser,
    @Param('communityId', ParseIntPipe) communityId: number,
    @Body() body: PartyOrganizationDto,
  ): Promise<PartyOrganizationView> {
    return this.party.registerOrganization(user.id, communityId, body);
  }

  /** Committee and branch see every organisation with its lists; others see the confirmed ones (to pick when checking in). */
  @Get('communities/:communityId/party-organizations')
  @Permission('volunteer.participate', communityFromParam())
  async listOrganizations(
    @CurrentUser() user: AuthUser,
    @Param('communityId', ParseIntPipe) communityId: number,
    @Query() query: VolunteerCheckInListQueryDto,
  ): Promise<PartyOrganizationView[]> {
    const full = await this.access.canReadCommunity(user, communityId);
    return this.party.listOrganizations(communityId, full ? query.status : 'confirmed');
  }

  @Post('volunteers/party-organizations/:id/review')
  @HttpCode(200)
  @Permission('volunteer.party.review', partyOrganizationFromParam())
  reviewOrganization(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerCheckInReviewDto): Promise<PartyOrganizationView> {
    return this.party.reviewOrganization(id, user.id, body.approve, body.note);
  }

  @Get('communities/:communityId/volunteer-figures')
  @Permission('volunteer.community.read', communityFromParam())
  @ApiOkResponse({ description: '社区按月统计：党员报到、党组织报到、活动场次、参与人数、服务时长' })
  communityFigures(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: VolunteerFiguresQueryDto): Promise<VolunteerCommunityFiguresView> {
    return this.figures.community(communityId, query.year ?? shanghaiLocalYear(this.clock.now()));
  }
}

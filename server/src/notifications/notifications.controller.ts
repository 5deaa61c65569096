import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ID_MAX, NOTIFICATION_PAGE_MAX, type NotificationListResponse, type NotificationUnreadResponse, type NotificationView } from '@linli/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { NotificationsService } from './notifications.service';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ description: '上一页最旧一条的 id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  before?: number;

  @ApiPropertyOptional({ maximum: NOTIFICATION_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NOTIFICATION_PAGE_MAX)
  limit?: number;
}

class MarkedReadResponse {
  @ApiProperty()
  marked: number;
}

/** The signed-in person's own notifications (消息通知). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Permission('notification.read')
  @ApiOkResponse({ description: '我的消息，最新在前' })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto): Promise<NotificationListResponse> {
    return this.notifications.list(user.id, query.before, query.limit);
  }

  @Get('unread')
  @Permission('notification.read')
  @ApiOkResponse({ description: '未读消息数' })
  async unread(@CurrentUser() user: AuthUser): Promise<NotificationUnreadResponse> {
    return { unread: await this.notifications.unread(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Permission('notification.read')
  @ApiOkResponse({ type: MarkedReadResponse, description: '全部标为已读' })
  async readAll(@CurrentUser() user: AuthUser): Promise<MarkedReadResponse> {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Permission('notification.read')
  @ApiOkResponse({ description: '标为已读' })
  read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(user.id, id);
  }
}

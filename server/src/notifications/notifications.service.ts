import { NOTIFICATION_PAGE_MAX, type NotificationKind, type NotificationListResponse, type NotificationView } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { insertRows } from '../database/fixed-sql';
import { serializedOnSqlite } from '../database/sqlite-write-queue';
import { Notification } from './notification.entity';

/** One message as it goes to many people. */
export interface OutgoingNotification {
  kind: NotificationKind;
  /** What it is about (`poll:12`): one notification of a kind per subject and person. */
  subject: string;
  title: string;
  body: string;
  link: string | null;
}

/** Rows per INSERT when a message goes to a whole community. */
const DELIVERY_CHUNK = 500;

const notFound = () => new ApiException(404, 'not_found', '消息不存在');

/**
 * Per-person notifications (消息通知). Features deliver inside their own transaction, so a message exists
 * exactly when what it reports does (a vote's result is posted once, its notifications with it). A person
 * reads and marks only their own.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the message for each person (each once), in the caller's transaction. */
  async deliver(manager: EntityManager, userIds: Iterable<number>, message: OutgoingNotification): Promise<number> {
    const recipients = [...new Set(userIds)];
    for (let i = 0; i < recipients.length; i += DELIVERY_CHUNK) {
      await insertRows(
        manager,
        Notification,
        recipients.slice(i, i + DELIVERY_CHUNK).map((userId) => ({ userId, ...message })),
      );
    }
    return recipients.length;
  }

  /** Newest first, `limit` at a time; `before` continues after the last page's oldest. */
  async list(userId: number, before: number | undefined, limit = 20): Promise<NotificationListResponse> {
    const take = Math.min(Math.max(1, limit), NOTIFICATION_PAGE_MAX);
    const repo = this.dataSource.getRepository(Notification);
    const [rows, unread] = await Promise.all([
      repo.find({ where: { userId, ...(before !== undefined ? { id: LessThan(before) } : {}) }, order: { id: 'DESC' }, take: take + 1 }),
      this.unread(userId),
    ]);
    const page = rows.slice(0, take);
    return { items: page.map(notificationView), unread, nextBefore: rows.length > take ? page[page.length - 1].id : null };
  }

  unread(userId: number): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  /** Marks one of the person's notifications read (again is fine); someone else's is not found. */
  async markRead(userId: number, id: number): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(Notification);
    await serializedOnSqlite(this.dataSource, () => repo.update({ id, userId, readAt: IsNull() }, { readAt: new Date() }));
    const row = await repo.findOneBy({ id, userId });
    if (!row) throw notFound();
    return notificationView(row);
  }

  /** Marks every unread notification of the person read; returns how many were. */
  async markAllRead(userId: number): Promise<number> {
    const result = await serializedOnSqlite(this.dataSource, () =>
      this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: new Date() }),
    );
    return result.affected ?? 0;
  }
}

export function notificationView(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  };
}

import type { MarkNotificationsReadRequest, NotificationList } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { NewEvent } from '../events/events.repository';
import type { NotificationsRepository } from './notifications.repository';

export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: User): Promise<NotificationList> {
    const [items, unread] = await Promise.all([
      this.notifications.list(user.id, 50),
      this.notifications.countUnread(user.id),
    ]);

    return { items, unread };
  }

  async markRead(user: User, request: MarkNotificationsReadRequest): Promise<void> {
    await this.notifications.markRead(user.id, request.ids ?? null, this.clock.now());
  }
}

/** The private event that carries a new notification to its one recipient. */
export function notificationEvent(
  notification: Awaited<ReturnType<NotificationsRepository['insert']>>[number],
): NewEvent {
  const { userId, ...view } = notification;

  return {
    type: 'notification.created',
    payload: { notification: view },
    topicId: view.topicId,
    audience: `user:${userId}`,
  };
}

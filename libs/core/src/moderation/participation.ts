import type { ConversationAccess } from '../conversations/conversation.records';
import { facilitatorIdsOf } from '../conversations/conversations.repository';
import { type ActiveSanction, activeSanctionQuery } from './sanctions.repository';

/** What deciding whether a person may take part in a conversation needs. */
export interface Participation {
  conversation: ConversationAccess;
  sanction: ActiveSanction | null;
}

/** A row read with participationSql: its own columns and the participation's. */
export type WithParticipation<T> = T & {
  conversationStatus: ConversationAccess['status'];
  conversationOpensAt: Date | null;
  conversationClosesAt: Date | null;
  conversationFacilitatorIds: string[];
  sanctionAction: ActiveSanction['action'] | null;
  sanctionUntil: Date | null;
};

/**
 * SQL that reads a person's participation beside the row of a query, in the same round trip:
 * `columns` for its select list, `join` for its FROM clause. `conversationId` is the expression
 * of the conversation's id, `userId` and `now` are parameters such as `$2`.
 */
export function participationSql(conversationId: string, userId: string, now: string) {
  return {
    columns: `pc.status AS "conversationStatus", pc.opens_at AS "conversationOpensAt",
              pc.closes_at AS "conversationClosesAt",
              ${facilitatorIdsOf('pc')} AS "conversationFacilitatorIds",
              ps.action AS "sanctionAction", ps.until AS "sanctionUntil"`,
    join: `JOIN conversations pc ON pc.id = ${conversationId}
           LEFT JOIN LATERAL (${activeSanctionQuery('pc.id', userId, now)}) ps ON true`,
  };
}

/** Splits a row read with participationSql into the participation and the rest of the row. */
export function takeParticipation<T extends { conversationId: string }>(
  row: WithParticipation<T>,
): { participation: Participation; rest: T } {
  const {
    conversationStatus,
    conversationOpensAt,
    conversationClosesAt,
    conversationFacilitatorIds,
    sanctionAction,
    sanctionUntil,
    ...rest
  } = row;

  return {
    participation: {
      conversation: {
        id: row.conversationId,
        status: conversationStatus,
        opensAt: conversationOpensAt,
        closesAt: conversationClosesAt,
        facilitatorIds: conversationFacilitatorIds,
      },
      sanction: sanctionAction ? { action: sanctionAction, until: sanctionUntil } : null,
    },
    rest: rest as unknown as T,
  };
}

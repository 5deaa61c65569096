import type { CaseInboxItem, CasePage } from './cases';

/** GET /api/inbox: the work list, and where its live rooms resume from. */
export interface CaseInboxPage extends CasePage<CaseInboxItem> {
  /**
   * The change log's position when the list was read: subscribe to the inbox rooms with `afterSeq` = this, and
   * a reconnect replays every change since that concerns them (changes already in the list may come again).
   */
  liveSeq: number;
}

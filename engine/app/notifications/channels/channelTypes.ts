import type { RegencyNotifications } from '../../../definition/sopTypes.ts';
import type { RenderedMessage } from '../../../notifications/renderNotification.ts';
import type { NotifierSettings } from '../notifierSettings.ts';

/** One delivery to hand to a channel. */
export interface OutgoingMessage {
  deliveryId: number;
  notificationId: number;
  /** E-mail address, phone number (62…) or webhook id. */
  address: string;
  message: RenderedMessage;
  /** The machine-readable body of webhook deliveries. */
  data: Record<string, unknown>;
}

/** What a channel needs: the regency's notification config and the process settings. */
export interface ChannelContext {
  config: RegencyNotifications;
  settings: NotifierSettings;
}

/** A failed delivery; the message is stored and shown to the admin, so it never holds a secret. */
export class ChannelError extends Error {
  constructor(
    readonly code: 'NOT_CONFIGURED' | 'REFUSED' | 'UNREACHABLE',
    message: string,
  ) {
    super(message);
  }
}

/** Sends one message; resolves with the provider's message id, or throws a ChannelError. */
export type SendMessage = (outgoing: OutgoingMessage, context: ChannelContext) => Promise<string | undefined>;

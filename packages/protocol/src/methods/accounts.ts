/**
 * Method-map entries for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type { AccountRateLimitsUpdatedNotification } from '../v2/accounts/rateLimits.js';
import type { RemoteControlStatusChangedNotification } from '../v2/accounts/remoteControl.js';

/** Client requests for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsClientRequests {}

/** Server requests for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsServerRequests {}

/** Server notifications for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsServerNotifications {
  /** The account's rate limits or credits changed (sent after model calls). */
  'account/rateLimits/updated': { params: AccountRateLimitsUpdatedNotification };
  /** The remote-control connection changed state. */
  'remoteControl/status/changed': { params: RemoteControlStatusChangedNotification };
}

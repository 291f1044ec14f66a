export { passwordHash, saltedHash } from './password-hash.js';
export { signIn, signInDelayMs, type SignInAttempt, type SignInPolicy } from './sign-in.js';
export { registerUser, changePassword, lockUser } from './manage-users.js';
export {
  listNotifications,
  markNotificationRead,
  markAllNotificationsRead,
  type NotificationPage,
} from '../notifications/read-notifications.js';

import i18n from '../../i18n';
import { usersEn } from './en';
import { usersZhCN } from './zh-cn';

// The users page's texts live with it (`users.*`) and join the studio's resources when the users
// code first loads: the header (its "Users" link) and the page both import this module.
if (!i18n.exists('users.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { users: usersEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { users: usersZhCN }, true, false);
}

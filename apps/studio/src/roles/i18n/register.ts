import i18n from '../../i18n';
import { rolesEn } from './en';
import { rolesZhCN } from './zh-cn';

// The roles page's texts live with it (`roles.*`) and join the studio's resources when the roles
// code first loads: the app page (roles panel) and the roles page.
if (!i18n.exists('roles.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { roles: rolesEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { roles: rolesZhCN }, true, false);
}

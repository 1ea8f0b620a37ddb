import i18n from '../../i18n';
import { flowsEn } from './en';
import { flowsZhCN } from './zh-cn';

// The flow designer's texts live with it (`flows.*`) and join the studio's resources when the
// flows code first loads: the app page (flows panel) and the flow editor both import this module.
if (!i18n.exists('flows.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { flows: flowsEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { flows: flowsZhCN }, true, false);
}

import i18n from '../../i18n';
import { connectorsEn } from './en';
import { connectorsZhCN } from './zh-cn';

// The connector screens' texts live with them (`connectors.*`) and join the studio's resources
// when the connectors code first loads: the app page (connectors panel) and the connector page.
if (!i18n.exists('connectors.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { connectors: connectorsEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { connectors: connectorsZhCN }, true, false);
}

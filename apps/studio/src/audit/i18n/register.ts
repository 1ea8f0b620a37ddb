import i18n from '../../i18n';
import { auditEn } from './en';
import { auditZhCN } from './zh-cn';

// The audit search's texts live with it (`audit.*`) and join the studio's resources when its code
// first loads: the header (its "Audit" link) and the page both import this module.
if (!i18n.exists('audit.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { audit: auditEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { audit: auditZhCN }, true, false);
}

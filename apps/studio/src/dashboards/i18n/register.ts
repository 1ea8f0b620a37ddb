import i18n from '../../i18n';
import { dashboardsEn } from './en';
import { dashboardsZhCN } from './zh-cn';

// The dashboard editor's texts live with it (`dashboards.*`) and join the studio's resources
// when the dashboards code first loads: the app page (dashboards panel) and the editor.
if (!i18n.exists('dashboards.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { dashboards: dashboardsEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { dashboards: dashboardsZhCN }, true, false);
}

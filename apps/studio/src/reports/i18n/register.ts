import i18n from '../../i18n';
import { reportsEn } from './en';
import { reportsZhCN } from './zh-cn';

// The report designer's texts live with it (`reports.*`) and join the studio's resources when
// the reports code first loads: the app page (reports panel), the designer and the dashboards.
if (!i18n.exists('reports.title', { lng: 'en' })) {
  i18n.addResourceBundle('en', 'translation', { reports: reportsEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { reports: reportsZhCN }, true, false);
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type FormDefinition } from '@kiln/engine-forms';
import { currentLocale } from '../../shared/i18n';
import { linkClick } from '../../shared/router';
import { readableForms } from '../lib/access';
import { appOfPath, routeOf } from '../lib/app-route';
import { appMeta } from '../lib/metadata';
import './dashboard/dashboards-nav.css';

/**
 * The header's forms menu while inside an app (`nav-forms`, one link `nav-form-<key>` per form
 * the caller may read). Reads the app's cached metadata; shows nothing on failure or when the
 * caller may read no form.
 */
export function FormsNav({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const app = appOfPath(pathname);
  const [forms, setForms] = useState<FormDefinition[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!app) return setForms([]);
    let alive = true;
    appMeta(app).then(
      (m) => alive && setForms(readableForms(m.forms ?? {}, m.access)),
      () => alive && setForms([]),
    );
    return () => {
      alive = false;
    };
  }, [app]);
  if (!app || !forms.length) return null;
  const parts = routeOf(pathname);
  const current = parts[1] !== 'dashboards' ? parts[1] : undefined;
  const locale = currentLocale();
  return (
    <div className="topnav-menu">
      <button
        type="button"
        className={`topnav-menu-btn${current && forms.some((f) => f.key === current) ? ' active' : ''}`}
        data-testid="nav-forms"
        aria-expanded={open}
        aria-label={t('access.formsNav')}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="topnav-menu-icon" aria-hidden="true">
          ☰
        </span>
        <span className="topnav-menu-text">{t('access.formsNav')} ▾</span>
      </button>
      {open && (
        <div className="topnav-menu-list card" role="menu">
          {forms.map((f) => (
            <a
              key={f.key}
              role="menuitem"
              href={`/app/${encodeURIComponent(app)}/${encodeURIComponent(f.key)}`}
              onClick={linkClick}
              className={current === f.key ? 'active' : undefined}
              data-testid={`nav-form-${f.key}`}
            >
              {localize(f.title, locale) || f.key}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}

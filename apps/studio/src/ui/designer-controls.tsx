import { useTranslation } from 'react-i18next';

/** "Unsaved changes" / "All saved" in a designer's top bar (`data-dirty` for tests). */
export function DirtyDot({ dirty, testId }: { dirty: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid={testId} data-dirty={dirty}>
      {dirty ? t('designer.unsaved') : t('designer.allSaved')}
    </span>
  );
}

/** A designer's undo / redo pair; test ids `<prefix>-undo`, `<prefix>-redo`. */
export function UndoRedoButtons({ canUndo, canRedo, onUndo, onRedo, testPrefix }: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void; testPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="btn-group">
      <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={onUndo} title={t('designer.undoHint')} data-testid={`${testPrefix}-undo`}>
        ↶ {t('designer.undo')}
      </button>
      <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={onRedo} title={t('designer.redoHint')} data-testid={`${testPrefix}-redo`}>
        ↷ {t('designer.redo')}
      </button>
    </div>
  );
}

/** A designer's "Save draft" and "Publish" buttons, disabled while either runs; test ids `<prefix>-save`, `<prefix>-publish`. */
export function SavePublishButtons({ busy, onSave, onPublish, testPrefix }: { busy: 'saving' | 'publishing' | null; onSave: () => unknown; onPublish: () => unknown; testPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void onSave()} data-testid={`${testPrefix}-save`}>
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void onPublish()} data-testid={`${testPrefix}-publish`}>
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </>
  );
}

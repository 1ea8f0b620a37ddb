import type { NodeOf } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { ExpressionEditor } from '../../rules/expression-editor';
import { useFlowFields } from '../hooks/useFlowFields';
import { useNodeProblems } from '../hooks/useNodeProblems';
import { useSelectedNode } from '../hooks/useSelectedNode';
import { newBranchId } from '../model/ids';
import { flowEdit } from '../store/edit';
import { connectProp } from './connect-prop';
import { PathProblems } from './path-problems';

type Branch = NodeOf<'condition'>['data']['branches'][number];

interface Props {
  value?: Branch[];
  onChange?: (value: Branch[]) => void;
  'data-testid'?: string;
}

function nameOf(b: Branch, lang: 'zh-CN' | 'en'): string {
  return typeof b.name === 'string' ? b.name : (b.name?.[lang] ?? '');
}

/**
 * A condition's branches, tried in order: each a name (both languages) and a `when`
 * expression; the first truthy one is taken, else the `default` handle. A branch's id is its
 * output handle and never changes (renaming keeps its edge); removing a branch removes its edge.
 */
function BranchListBase({ value, onChange, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const node = useSelectedNode();
  const fields = useFlowFields();
  const problems = useNodeProblems(node?.id);
  const list = value ?? [];
  const set = (next: Branch[]) => onChange?.(next);
  const patch = (i: number, p: Partial<Branch>) => set(list.map((b, j) => (j === i ? { ...b, ...p } : b)));
  const rename = (i: number, lang: 'zh-CN' | 'en', v: string) => {
    const b = list[i];
    patch(i, { name: { 'zh-CN': nameOf(b, 'zh-CN'), en: nameOf(b, 'en'), [lang]: v } });
  };
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= list.length) return;
    const next = [...list];
    [next[i], next[j]] = [next[j], next[i]];
    set(next);
  };
  const add = () => {
    const n = list.length + 1;
    set([...list, { id: newBranchId(list.map((b) => b.id)), name: { 'zh-CN': `分支 ${n}`, en: `Branch ${n}` }, when: '' }]);
  };
  return (
    <div className="branch-list" data-testid={testId} data-count={list.length} data-path="/branches">
      {list.map((b, i) => (
        <div className="branch-row" key={b.id} data-testid={`branch-${i}`} data-branch-id={b.id}>
          <div className="branch-row-head">
            <span className="branch-order">{i + 1}</span>
            <input className="input" value={nameOf(b, 'zh-CN')} placeholder={t('flows.nameZh')} onChange={(e) => rename(i, 'zh-CN', e.target.value)} data-testid={`branch-name-zh-${i}`} />
            <input className="input" value={nameOf(b, 'en')} placeholder={t('flows.nameEn')} onChange={(e) => rename(i, 'en', e.target.value)} data-testid={`branch-name-en-${i}`} />
            <span className="row-tools">
              <button type="button" title={t('props.moveUp')} disabled={i === 0} onClick={() => move(i, -1)} data-testid={`branch-up-${i}`}>
                ↑
              </button>
              <button type="button" title={t('props.moveDown')} disabled={i === list.length - 1} onClick={() => move(i, 1)} data-testid={`branch-down-${i}`}>
                ↓
              </button>
              <button type="button" title={t('common.delete')} onClick={() => set(list.filter((_, j) => j !== i))} data-testid={`branch-remove-${i}`}>
                ✕
              </button>
            </span>
          </div>
          <ExpressionEditor
            value={b.when ?? ''}
            onChange={(when) => patch(i, { when })}
            context="trigger"
            fields={fields}
            problems={problems}
            path={`/branches/${i}/when`}
            placeholder="record.amount > 100000"
            testId={`branch-when-${i}`}
            onUndo={flowEdit.undo}
            onRedo={flowEdit.redo}
          />
          <PathProblems path={`/branches/${i}`} />
          <code className="muted-code branch-id">{b.id}</code>
        </div>
      ))}
      <PathProblems path="/branches" />
      <div className="branch-default muted small">{t('flows.defaultBranchHint')}</div>
      <button type="button" className="btn btn-sm" onClick={add} data-testid="branch-add">
        + {t('flows.addBranch')}
      </button>
    </div>
  );
}

/** The formily-connected branch list (value = the condition's `branches`). */
export const BranchList = connectProp(BranchListBase);

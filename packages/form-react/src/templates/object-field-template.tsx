import type { ObjectFieldTemplateProps } from '@rjsf/utils';

/**
 * The fields of an object, in order. The root object renders no title (hosts show the form
 * title themselves); an object inside a sub-table row lays its fields out side by side on wide
 * screens.
 */
export function ObjectFieldTemplate({ properties, fieldPathId, title, description }: ObjectFieldTemplateProps) {
  const isRoot = fieldPathId.path.length === 0;
  const inRow = typeof fieldPathId.path[fieldPathId.path.length - 1] === 'number';
  return (
    <div className={isRoot ? 'kf-object kf-root' : inRow ? 'kf-object kf-row-fields' : 'kf-object kf-group'} id={fieldPathId.$id}>
      {!isRoot && !inRow && title && <div className="kf-group-title">{title}</div>}
      {!isRoot && !inRow && description && <div className="kf-description">{description}</div>}
      {properties.filter((p) => !p.hidden).map((p) => p.content)}
      {properties.filter((p) => p.hidden).map((p) => p.content)}
    </div>
  );
}

import { connectProp } from '../../flows/props/connect-prop';
import { FilterValueInput } from './filter-value-input';
import { MeasureFiltersEditor } from './measure-filters-editor';

/** The filter value input bound to a formily field (`prop-value`). */
export const FilterValue = connectProp(FilterValueInput);

/** A measure's conditional filters bound to a formily field (`prop-filters-*`). */
export const MeasureFilters = connectProp(MeasureFiltersEditor);

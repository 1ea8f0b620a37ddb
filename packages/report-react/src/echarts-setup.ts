import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart, TreeChart } from 'echarts/charts';
import { DatasetComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the report visuals use: the full echarts build is several times larger.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  TreeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  GraphicComponent,
  CanvasRenderer,
]);

/** echarts/core with the report charts registered. @internal */
export { echarts };

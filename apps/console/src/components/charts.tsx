import { useEffect, useRef } from 'react';
import { theme } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the pages draw, so the bundle carries no unused chart types. SVG keeps the text crisp
// when printed and lets a person (and a browser spec) find the bars in the page.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click on a bar or a point names: its series and its category on the axis. */
export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

interface ChartProps {
  option: ChartOption;
  height?: number;
  /** The chart's name for assistive technology and for the specs. */
  label: string;
  onPick?: (point: ChartPoint) => void;
}

/** ECharts in a React component: one instance per mount, options replaced on change, resized with its box. */
export function Chart({ option, height = 280, label, onPick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  // The console's own font: the chart's default (sans-serif) has no Chinese glyphs on some systems.
  const { fontFamily } = theme.useToken().token;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, { textStyle: { fontFamily } }, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.seriesIndex !== undefined)
        pick.current?.({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [fontFamily]);

  useEffect(() => {
    // Merged, not replaced: a page re-rendering with the same figures leaves the chart as it is.
    chart.current?.setOption(option);
  }, [option, fontFamily]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ height, width: '100%', cursor: onPick ? 'pointer' : 'default' }}
    />
  );
}

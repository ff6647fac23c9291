/** The case file's statistics charts (SVG strings, pure): per day, per camera, hour × weekday. */
export { dailyCapturesChart, type DailyChartInput, type DayFigures } from './dailyCapturesChart';
export { cameraCapturesChart, type CameraChartInput, type CameraFigures, type ZoneFigures } from './cameraCapturesChart';
export { weekHourHeatMapChart, type HeatMapChartInput, type HeatCell } from './weekHourHeatMapChart';
export { CHART_FONT, CHART_WIDTH_MM, escapeXml, type ChartSvg } from './svgText';

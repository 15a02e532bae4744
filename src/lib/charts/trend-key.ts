/**
 * What a trend chart's series is: a level of the data, or a published reference figure
 * (`reference` for the country, `regionReference` for the municipality's region;
 * benchmark-series.ts). Its own file, so the palette and the chart both take it without a cycle.
 */
import type { SeriesKey } from '../db/queries/trend.ts';

export type TrendKey = SeriesKey | 'reference' | 'regionReference';

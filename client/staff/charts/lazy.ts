// The charts, each loaded when a page first shows one: none of them is in the staff app's first download.
import { lazy } from 'react';

export const BarChart = lazy(() => import('./BarChart.tsx'));
export const LineChart = lazy(() => import('./LineChart.tsx'));
export const StackedBarChart = lazy(() => import('./StackedBarChart.tsx'));

"use client";

// Recharts, loaded on demand (see chart-frame.tsx): nothing here is in the page's first load.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One bucket: its axis label, its full label for the tooltip, and a value per series key. */
export type Row = { label: string; full: string } & Record<string, number | string | null>;
export type Series = { key: string; name: string; color: string };
export type Slice = { name: string; value: number; color: string };
type Fmt = (n: number) => string;

const tick = { fill: "var(--muted-foreground)", fontSize: 11 };
const tooltipStyle = {
  contentStyle: {
    background: "var(--card)",
    border: "1px solid var(--border)",
    borderRadius: 10,
    color: "var(--foreground)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--muted-foreground)" },
  itemStyle: { color: "var(--foreground)" },
};

function fullLabel(label: React.ReactNode, payload: ReadonlyArray<{ payload?: unknown }>) {
  const row = payload[0]?.payload as Row | undefined;
  return row?.full ?? label;
}

/** Bars per bucket, stacked (one series is a plain bar chart). */
export function StackedBars({ data, series, format, axisFormat, axisWidth = 48 }: { data: Row[]; series: Series[]; format: Fmt; axisFormat: Fmt; axisWidth?: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="15%">
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={false} minTickGap={16} />
        <YAxis tick={tick} tickLine={false} axisLine={false} width={axisWidth} tickFormatter={(v: number) => axisFormat(v)} allowDecimals={false} />
        <Tooltip
          {...tooltipStyle}
          cursor={{ fill: "var(--muted)", opacity: 0.5 }}
          labelFormatter={fullLabel}
          formatter={(value) => (typeof value === "number" ? format(value) : String(value ?? ""))}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="1" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Lines per bucket (not stacked); null values leave a gap. */
export function Lines({ data, series, format, axisFormat, axisWidth = 48 }: { data: Row[]; series: Series[]; format: Fmt; axisFormat: Fmt; axisWidth?: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={false} minTickGap={16} />
        <YAxis tick={tick} tickLine={false} axisLine={false} width={axisWidth} tickFormatter={(v: number) => axisFormat(v)} />
        <Tooltip {...tooltipStyle} labelFormatter={fullLabel} formatter={(value) => (typeof value === "number" ? format(value) : "—")} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** A donut of shares. */
export function Donut({ data, format }: { data: Slice[]; format: Fmt }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart>
        <Tooltip {...tooltipStyle} formatter={(value) => (typeof value === "number" ? format(value) : String(value ?? ""))} />
        <Pie
          data={data}
          dataKey="value"
          nameKey="name"
          innerRadius="58%"
          outerRadius="90%"
          paddingAngle={data.length > 1 ? 1.5 : 0}
          stroke="var(--card)"
          isAnimationActive={false}
        >
          {data.map((d) => (
            <Cell key={d.name} fill={d.color} />
          ))}
        </Pie>
      </PieChart>
    </ResponsiveContainer>
  );
}

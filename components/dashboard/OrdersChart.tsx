/** A small bar chart (SVG, no script) of orders per day, with the numbers also in a table for screen readers. */
export function OrdersChart({ data, label, dayLabel }: { data: { day: string; orders: number }[]; label: string; dayLabel: (day: string) => string }) {
  const max = Math.max(1, ...data.map((d) => d.orders));
  const width = 28;
  return (
    <figure className="space-y-2">
      <svg role="img" aria-label={label} viewBox={`0 0 ${data.length * width} 120`} className="h-40 w-full max-w-2xl">
        {data.map((d, i) => {
          const height = (d.orders / max) * 100;
          return (
            <g key={d.day}>
              <rect x={i * width + 4} y={105 - height} width={width - 8} height={height} fill="#1d6b3c" rx="2" />
              <text x={i * width + width / 2} y="118" textAnchor="middle" fontSize="8" fill="#4b524e">{d.day.slice(8)}</text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <tbody>
          {data.map((d) => (
            <tr key={d.day}><th scope="row">{dayLabel(d.day)}</th><td>{d.orders}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

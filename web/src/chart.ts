// Plain SVG line charts: the mint curve and the hold-vs-rent cost lines.

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface Line {
  label: string;
  className: string;
  points: [number, number][];
}

export interface ChartOptions {
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  /** A vertical marker (the current supply, the break-even day). */
  marker?: { x: number; label: string };
  logY?: boolean;
  testId?: string;
}

const tick = (value: number) =>
  Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : Math.abs(value) >= 1e3 ? `${(value / 1e3).toFixed(1)}k` : value.toFixed(value < 10 ? 2 : 0);

export function lineChart(lines: Line[], options: ChartOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const pad = { left: 56, right: 16, top: 26, bottom: 36 };
  const all = lines.flatMap((line) => line.points);
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => (options.logY ? Math.log10(Math.max(y, 1e-12)) : y));
  const [x0, x1] = [Math.min(...xs, options.marker?.x ?? Infinity), Math.max(...xs, options.marker?.x ?? -Infinity)];
  const [y0, y1] = [options.logY ? Math.min(...ys) : Math.min(0, ...ys), Math.max(...ys)];
  const sx = (x: number) => pad.left + ((x - x0) / (x1 - x0 || 1)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - pad.top - pad.bottom);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${options.yLabel} by ${options.xLabel}` });
  if (options.testId) root.setAttribute('data-testid', options.testId);
  root.appendChild(svg('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom, class: 'axis' }));
  root.appendChild(svg('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom, class: 'axis' }));
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    const x = x0 + ((x1 - x0) * i) / 4;
    root.appendChild(svg('text', { x: pad.left - 6, y: sy(y) + 4, class: 'tick', 'text-anchor': 'end' }, tick(options.logY ? 10 ** y : y)));
    root.appendChild(svg('text', { x: sx(x), y: height - pad.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, tick(x)));
  }
  root.appendChild(svg('text', { x: width / 2, y: height - 4, class: 'label', 'text-anchor': 'middle' }, options.xLabel));
  root.appendChild(svg('text', { x: 8, y: 14, class: 'label' }, options.yLabel));
  lines.forEach((line, i) => {
    const d = line.points
      .map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(options.logY ? Math.log10(Math.max(y, 1e-12)) : y).toFixed(1)}`)
      .join(' ');
    root.appendChild(svg('path', { d, class: `line ${line.className}` }));
    root.appendChild(svg('text', { x: width - pad.right - 4, y: 14 + i * 13, class: `legend ${line.className}`, 'text-anchor': 'end' }, line.label));
  });
  if (options.marker) {
    const x = sx(options.marker.x);
    root.appendChild(svg('line', { x1: x, y1: pad.top, x2: x, y2: height - pad.bottom, class: 'marker' }));
    root.appendChild(svg('text', { x: x + 4, y: pad.top + 12, class: 'marker-label' }, options.marker.label));
  }
  return root;
}

/**
 * The curve's marginal rate rate(S) = R0 · exp(k · (S/T)³) sampled along the supply, in HASH per
 * DIEM and DIEM (floats: a drawing, not a quote; quotes come from the runtime).
 */
export function curvePoints(baseRate: number, steepness: number, target: number, maxSupply: number, samples = 120): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= samples; i++) {
    const s = (maxSupply * i) / samples;
    points.push([s, baseRate * Math.exp(steepness * (s / target) ** 3)]);
  }
  return points;
}

/**
 * The frame of an exported chart (src/lib/images/chart-frame.ts): a standalone, well-formed SVG
 * document with the title, unit, period, legend, source line and demo note as text; sizes worked
 * out by hand from the layout constants.
 */
import { describe, expect, it } from 'vitest';
import { frameChart, wrapText, type ChartMeta } from '../../src/lib/images/chart-frame.ts';
import { mapLegend } from '../../src/lib/images/map-frame.ts';
import { indicator } from '../../src/lib/core/indicators.ts';

/**
 * A small well-formedness check (no XML parser is installed): every tag closes in order, every
 * attribute is quoted, every & starts an entity, and there is one root element.
 */
function assertWellFormed(xml: string): void {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: string[] = [];
	let roots = 0;
	const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*"|\s+[\w:.-]+='[^'<]*')*)\s*(\/?)>|([^<]+)|(<)/gy;
	let m: RegExpExecArray | null;
	while ((m = token.exec(body))) {
		const [, close, name, , selfClose, text, stray] = m;
		if (stray) throw new Error(`stray < at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
		if (text !== undefined) {
			if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(text)) throw new Error(`bare & in ${text.slice(0, 40)}`);
			if (!stack.length && text.trim()) throw new Error('text outside the root');
			continue;
		}
		if (close) {
			if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
		} else if (!selfClose) {
			if (!stack.length) roots++;
			stack.push(name!);
		} else if (!stack.length) roots++;
	}
	if (token.lastIndex !== 0 && token.lastIndex < body.length) throw new Error(`cannot read at ${token.lastIndex}`);
	expect(stack).toEqual([]);
	expect(roots).toBe(1);
}

const inner = {
	markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200"><text x="5" y="20">2024</text></svg>',
	width: 600,
	height: 200
};

const meta: ChartMeta = {
	title: 'Ledighed – Boligselskabet "Lærkereden" & Co <b>',
	subtitle: 'Aarhus Kommune',
	unit: '‰',
	period: '2010–2025',
	demo: true,
	lang: 'da',
	fileName: 'x',
	legend: [
		{ label: 'Lærkereden', shape: 'line', color: '#0072B2', width: 3 },
		{ label: 'Hele landet', shape: 'line', color: '#000000', dash: '4 4', width: 1.5 }
	]
};

describe('frameChart', () => {
	it('(the well-formedness check itself rejects broken XML)', () => {
		expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
		expect(() => assertWellFormed('<svg><text>a & b</text></svg>')).toThrow();
		expect(() => assertWellFormed('<svg><text x=1>a</text></svg>')).toThrow();
		expect(() => assertWellFormed('<svg/><svg/>')).toThrow();
		expect(() => assertWellFormed('<svg><text>a &amp; b</text></svg>')).not.toThrow();
	});

	const framed = frameChart(inner, meta);

	it('is a well-formed standalone SVG document with the SVG namespace and a white background', () => {
		assertWellFormed(framed.svg);
		expect(framed.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(framed.svg).toContain(`<rect width="${framed.width}" height="${framed.height}" fill="#ffffff"/>`);
	});

	it('holds the title (escaped), caption, legend, source line and demo note as text', () => {
		const escapedTitle = 'Ledighed – Boligselskabet &quot;Lærkereden&quot; &amp; Co &lt;b&gt;';
		expect(framed.svg).toContain(`<title>${escapedTitle}</title>`);
		expect(framed.svg).toContain(`>${escapedTitle}</text>`);
		expect(framed.svg).toContain('>Aarhus Kommune · Enhed: ‰ · Periode: 2010–2025</text>');
		expect(framed.svg).toContain('>Lærkereden</text>');
		expect(framed.svg).toContain('stroke-dasharray="4 4"');
		expect(framed.svg).toContain('>Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer</text>');
		expect(framed.svg).toContain('>Demodata: tallene er syntetiske</text>');
		expect(framed.svg).toContain('<text x="5" y="20">2024</text>');
		expect(framed.svg).not.toContain('<b>');
	});

	it('is sized by the layout: 600 + 2 × 16 wide; 16 + 22 + 18 + 6 + 20 + 8 + 200 + 10 + 15 + 15 + 16 high', () => {
		expect(framed.width).toBe(632);
		expect(framed.height).toBe(346);
		expect(framed.svg).toContain('width="632" height="346" viewBox="0 0 632 346"');
		// The chart sits below title, caption and legend: 16 + 22 + 18 + 6 + 20 + 8 = 90.
		expect(framed.svg).toContain('<g transform="translate(16,90)"><svg xmlns="http://www.w3.org/2000/svg" width="600"');
	});

	it('leaves out the demo note for real data and adds the namespace when the chart lacks it', () => {
		const real = frameChart({ ...inner, markup: '<svg width="600" height="200"></svg>' }, { ...meta, demo: false, legend: [] });
		assertWellFormed(real.svg);
		expect(real.svg).not.toContain('Demodata');
		expect(real.svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"></svg>');
		// Without legend (6 + 20) and demo note (15): 346 - 26 - 15.
		expect(real.height).toBe(305);
	});

	it('draws the map legend with a hatch pattern for missing values', () => {
		const legend = mapLegend(
			indicator('ledighed'),
			{ bounds: [0, 5, Infinity], colors: ['#ffeda0', '#f03b20'], decimals: 1, basis: { da: '', en: '' } },
			'da'
		);
		expect(legend.map((e) => e.label)).toEqual([
			'0,0–5,0\u00a0‰',
			'5,0\u00a0‰ og derover',
			'ingen data / diskretioneret',
			'boligområde (zoom ind for omrids og navn)',
			'afdeling, størrelse efter antal boliger'
		]);
		const framedMap = frameChart(inner, { ...meta, legend });
		assertWellFormed(framedMap.svg);
		expect(framedMap.svg).toContain('<pattern id="bb-hatch"');
		expect(framedMap.svg).toContain('fill="url(#bb-hatch)"');
	});
});

describe('wrapText', () => {
	it('breaks at spaces before the estimated width runs out', () => {
		// 10 px × 0.6 = 6 px a character; 60 px holds 10 characters.
		expect(wrapText('aaaa bbbb cccc', 10, 60)).toEqual(['aaaa bbbb', 'cccc']);
		expect(wrapText('kort', 10, 60)).toEqual(['kort']);
		expect(wrapText('en\nto', 10, 60)).toEqual(['en', 'to']);
	});
});

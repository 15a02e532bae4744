import { describe, expect, it } from 'vitest';
import { baseMapFromEnv } from '../../src/lib/map/basemap.ts';

describe('opt-in base map', () => {
	it('is off unless a tile URL is configured', () => {
		expect(baseMapFromEnv({})).toBeNull();
		expect(baseMapFromEnv({ VITE_BASEMAP_TILES: '  ' })).toBeNull();
	});
	it('takes the tile template and attribution as given', () => {
		expect(baseMapFromEnv({ VITE_BASEMAP_TILES: 'https://t.example.dk/{z}/{x}/{y}.png', VITE_BASEMAP_ATTRIBUTION: '© Eks' })).toEqual({
			tiles: 'https://t.example.dk/{z}/{x}/{y}.png',
			attribution: '© Eks'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { astroHeapLimitMb } from '../../scripts/lib/resources.ts';

const machine = 24 * 1024;

describe('astroHeapLimitMb', () => {
	it('grows with the article count: 850 MB at 10,000 stories, as measured', () => {
		expect(astroHeapLimitMb(0, undefined, machine)).toBe(350);
		expect(astroHeapLimitMb(1_000, undefined, machine)).toBe(400);
		expect(astroHeapLimitMb(10_000, undefined, machine)).toBe(850);
	});

	it('grows by half as much a story past 10,000 stories: 3.1 GB at 100,000, as measured', () => {
		expect(astroHeapLimitMb(30_000, undefined, machine)).toBe(1350);
		expect(astroHeapLimitMb(100_000, undefined, machine)).toBe(3100);
	});

	it('never asks for more than three quarters of the machine', () => {
		expect(astroHeapLimitMb(100_000, undefined, 4 * 1024)).toBe(3072);
		expect(astroHeapLimitMb(10_000, undefined, 1024)).toBe(768);
	});

	it('takes a limit set by hand (CARAVAN_MAX_OLD_SPACE_MB) as it is', () => {
		expect(astroHeapLimitMb(10_000, 2048, machine)).toBe(2048);
		expect(astroHeapLimitMb(10_000, Number.NaN, machine)).toBe(850);
	});
});

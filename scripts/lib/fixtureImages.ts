/** Test photos made with sharp: a gradient "camera" JPEG of any size, with EXIF and GPS when asked. */
import sharp from 'sharp';

/** The EXIF a camera phone writes, GPS position included: none of it may reach the site. */
export const CAMERA_EXIF = {
	IFD0: { Make: 'CaravanCam', Model: 'Field Reporter 1', Copyright: 'Caravan test' },
	IFD3: {
		GPSLatitudeRef: 'N',
		GPSLatitude: '43/1 14/1 0/1',
		GPSLongitudeRef: 'E',
		GPSLongitude: '76/1 53/1 0/1',
	},
};

function gradient(width: number, height: number, colours: [string, string]): Buffer {
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 600 400" preserveAspectRatio="none">` +
			`<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colours[0]}"/><stop offset="1" stop-color="${colours[1]}"/></linearGradient></defs>` +
			`<rect width="600" height="400" fill="url(#g)"/><circle cx="420" cy="140" r="70" fill="#f2c14e" fill-opacity="0.85"/></svg>`,
	);
}

/** A JPEG `width`×`height` with camera EXIF/GPS. */
export async function cameraJpeg(file: string, width: number, height: number): Promise<void> {
	await sharp(gradient(width, height, ['#c4622d', '#1d4e89']))
		.jpeg({ quality: 90 })
		.withExif(CAMERA_EXIF)
		.toFile(file);
}

/** A PNG with transparency (a map or chart), `width`×`height`. */
export async function transparentPng(file: string, width: number, height: number): Promise<void> {
	await sharp(gradient(width, height, ['#2d7dc4', '#89361d']))
		.ensureAlpha(0.6)
		.png()
		.toFile(file);
}

import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { findImage, insertImage } from '../../db/repositories/content';
import type { ContentImageRow } from '../../db/schema';
import { config } from '../config.server';
import { getDb } from '../db.server';

/**
 * Pictures of good examples (issue 17 "Real components", ADR 0073): the type is read from the
 * bytes (never from the name or the browser's claim), the size is limited, the picture is turned
 * upright, scaled down to a maximum width and encoded again — which drops EXIF and every other
 * metadata (camera, place, time) before anything is stored.
 */

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGE_WIDTH = 1600;
/** Refuses "decompression bombs": a small file that would unpack to a huge picture. */
const MAX_INPUT_PIXELS = 40_000_000;

const kinds = [
  { type: 'image/jpeg', test: (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  {
    type: 'image/webp',
    test: (b: Uint8Array) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  },
] as const;

export function detectImageType(bytes: Uint8Array): (typeof kinds)[number]['type'] | null {
  return kinds.find((k) => bytes.length >= 12 && k.test(bytes))?.type ?? null;
}

export type ImageResult = { ok: true; id: number } | { ok: false; message: string };

/** Checks, cleans and stores an uploaded picture; the row only after the file is stored. */
export async function storeContentImage(entryId: number, userId: number, bytes: Uint8Array): Promise<ImageResult> {
  if (bytes.length === 0) return { ok: false, message: 'Bitte wählen Sie ein Bild aus.' };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: 'Das Bild ist größer als 8 MB. Bitte verkleinern Sie es.' };
  const type = detectImageType(bytes);
  if (!type) return { ok: false, message: 'Bitte laden Sie ein Bild im Format JPEG, PNG oder WebP hoch; diese Datei ist keines.' };
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true });
    const encoded =
      type === 'image/png'
        ? pipeline.png()
        : type === 'image/webp'
          ? pipeline.webp({ quality: 82 })
          : pipeline.jpeg({ quality: 82, mozjpeg: true });
    out = await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    return { ok: false, message: 'Das Bild lässt sich nicht lesen (beschädigt oder zu groß in Pixeln). Bitte wählen Sie ein anderes.' };
  }
  const key = `bild-${randomBytes(18).toString('base64url')}`;
  await config.fileStore.put(key, new Uint8Array(out.data));
  const id = await insertImage(await getDb(), {
    entry_id: entryId,
    storage_key: key,
    media_type: type,
    width: out.info.width,
    height: out.info.height,
    size: out.data.length,
    created_by: userId,
    created_at: new Date().toISOString(),
  });
  return { ok: true, id };
}

export async function readContentImage(id: number): Promise<{ row: ContentImageRow; bytes: Uint8Array } | null> {
  const row = await findImage(await getDb(), id);
  if (!row) return null;
  try {
    return { row, bytes: await config.fileStore.get(row.storage_key) };
  } catch {
    return null;
  }
}

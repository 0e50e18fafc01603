// A real, playable media file for watch progress: silence as an 8 kHz, 8-bit mono WAV (a <video> plays audio-only
// files too), so that timeupdate, pause and seeked are the browser's own events.

/** `seconds` of silence as a WAV file, to serve over HTTP (in byte ranges, as a media server does). */
export function silentWav(seconds: number): Buffer {
  const samples = seconds * 8_000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8_000, 24);
  header.writeUInt32LE(8_000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

/**
 * Runs in the watch page (pass it to `evaluate`): makes the same silence there, as a blob that plays and seeks
 * offline, loads it into the player's own video, muted, and plays it from `from` seconds. Self-contained.
 */
export async function playSilenceInPlayer([seconds, from]: readonly [number, number]): Promise<void> {
  const rate = 8_000;
  const samples = seconds * rate;
  const bytes = new Uint8Array(44 + samples).fill(0x80);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(at + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  const video = document.querySelector('#movie_player video') as HTMLVideoElement;
  video.muted = true;
  video.src = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
  video.currentTime = from;
  await video.play();
}

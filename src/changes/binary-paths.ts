/**
 * Extensions of files that are binary in practice: images, fonts, archives and packages,
 * office documents, audio and video, compiled code, databases and key stores. Extensions
 * that are often text are left out: svg (git reads an SVG as text), obj (Wavefront models), dat.
 */
const BINARY_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    'png jpg jpeg gif bmp ico webp avif tif tiff heic heif psd',
    'woff woff2 ttf otf eot',
    'zip gz tgz bz2 xz zst lz4 7z rar tar jar war ear whl nupkg apk aab ipa dmg iso',
    'pdf doc docx xls xlsx ppt pptx odt ods odp epub',
    'mp3 mp4 m4a m4v wav ogg oga ogv opus flac webm mov avi mkv',
    'exe dll so dylib a o lib class pyc pyo wasm bin',
    'sqlite sqlite3 db mdb der p12 pfx jks keystore',
    'parquet avro npy npz pkl h5 onnx pt tflite glb',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Whether a path's extension says the file is binary. Git itself decides by content (a NUL
 * byte in the first 8,000 bytes, or a `binary` attribute) and writes the answer into a patch
 * as a `Binary files ... differ` or `GIT binary patch` line, but only when the content changed:
 * a pure rename or copy, or a mode change, has no such line and no `index` line either. Only
 * there, where the patch cannot tell, is the extension asked; anywhere else the patch decides.
 */
export const hasBinaryExtension = (path: string): boolean => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
};

// The classroom link as a QR code: SVG made by uqr, shown as an image (the page's CSP allows data: images only).
import { useMemo } from 'react';
import { renderSVG } from 'uqr';

export function QrCode({ text, label }: { text: string; label: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(text, { ecc: 'M', border: 2 }))}`, [text]);
  return <img className="qr" src={src} alt={label} width={240} height={240} />;
}
